// Viterbi with max-marginals over any number of speakers, and the profile emissions of hard EM.
#include "speakers/sequence.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jatei::speakers {

void viterbi(const Chain& c, std::vector<int>& states, std::vector<double>& margins) {
  const std::size_t n = c.n, k = c.k;
  states.assign(n, 0);
  margins.assign(n, 0);
  if (n == 0 || k == 0) return;
  constexpr double kNone = -std::numeric_limits<double>::infinity();
  std::vector<double> a(n * k, kNone), b(n * k, 0);
  std::vector<int> back(n * k, 0);
  for (std::size_t s = 0; s < k; ++s) a[s] = c.emit[s];
  for (std::size_t t = 1; t < n; ++t)
    for (std::size_t s = 0; s < k; ++s) {
      // Staying is looked at first, so that on a tie the speaker goes on.
      double best = a[(t - 1) * k + s] + c.trans(t, static_cast<int>(s), static_cast<int>(s));
      int from = static_cast<int>(s);
      for (std::size_t q = 0; q < k; ++q) {
        if (q == s) continue;
        double v = a[(t - 1) * k + q] + c.trans(t, static_cast<int>(q), static_cast<int>(s));
        if (v > best) best = v, from = static_cast<int>(q);
      }
      a[t * k + s] = best + c.emit[t * k + s];
      back[t * k + s] = from;
    }
  for (std::size_t t = n - 1; t-- > 0;)
    for (std::size_t q = 0; q < k; ++q) {
      double best = kNone;
      for (std::size_t s = 0; s < k; ++s)
        best = std::max(best, c.trans(t + 1, static_cast<int>(q), static_cast<int>(s)) + c.emit[(t + 1) * k + s] +
                                  b[(t + 1) * k + s]);
      b[t * k + q] = best;
    }
  int s = 0;
  for (std::size_t q = 1; q < k; ++q)
    if (a[(n - 1) * k + q] > a[(n - 1) * k + s]) s = static_cast<int>(q);
  auto label = [&](std::size_t q) { return c.label.empty() ? static_cast<int>(q) : c.label[q]; };
  for (std::size_t t = n; t-- > 0;) {
    states[t] = s;
    double mine = a[t * k + s] + b[t * k + s], other = kNone;
    for (std::size_t q = 0; q < k; ++q)
      if (label(q) != label(s)) other = std::max(other, a[t * k + q] + b[t * k + q]);
    margins[t] = other == kNone ? 1e9 : mine - other;
    if (t > 0) s = back[t * k + s];
  }
}

Profile profile_of(const Features& f) {
  return {std::log2(static_cast<double>(std::max<std::size_t>(f.chars, 1))),
          f.polite,
          f.casual,
          static_cast<double>(f.question || f.any_question),
          static_cast<double>(f.react || f.answer),
          static_cast<double>(f.move),
          static_cast<double>(f.marker),
          static_cast<double>(f.first_person)};
}

std::vector<double> profile_emissions(const std::vector<Profile>& x, const std::vector<int>& states, std::size_t k,
                                      const ProfileWeights& pw) {
  const std::size_t n = x.size();
  std::vector<Profile> sum(k, Profile{});
  std::vector<int> count(k, 0);
  Profile total{};
  for (std::size_t t = 0; t < n; ++t) {
    for (int f = 0; f < kProfile; ++f) sum[states[t]][f] += x[t][f], total[f] += x[t][f];
    ++count[states[t]];
  }
  for (std::size_t s = 0; s < k; ++s)
    if (count[s] == 0) return {};
  std::vector<Profile> mean(k), rest(k);
  for (std::size_t s = 0; s < k; ++s)
    for (int f = 0; f < kProfile; ++f) {
      mean[s][f] = sum[s][f] / count[s];
      rest[s][f] = (total[f] - sum[s][f]) / static_cast<double>(n - count[s]);
    }
  Profile var{};
  for (std::size_t t = 0; t < n; ++t)
    for (int f = 0; f < kProfile; ++f) var[f] += (x[t][f] - mean[states[t]][f]) * (x[t][f] - mean[states[t]][f]);
  for (int f = 0; f < kProfile; ++f) var[f] /= static_cast<double>(n);
  std::vector<double> e(n * k, 0);
  for (std::size_t t = 0; t < n; ++t)
    for (std::size_t s = 0; s < k; ++s) {
      double v = 0;
      for (int f = 0; f < kProfile; ++f) {
        double mid = (mean[s][f] + rest[s][f]) / 2;
        v += pw.w[f] * (x[t][f] - mid) * (mean[s][f] - rest[s][f]) / (var[f] + pw.min_var);
      }
      e[t * k + s] = std::clamp(pw.scale * v, -pw.cap, pw.cap);
    }
  return e;
}

}  // namespace jatei::speakers
