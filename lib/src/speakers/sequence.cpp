// Viterbi with max-marginals over any number of speakers, and the profile emissions of hard EM.
#include "speakers/sequence.hpp"

#include <algorithm>
#include <cmath>

#include "speakers/viterbi.hpp"

namespace jatei::speakers {

namespace {
auto asked(const Chain& c) {
  return [&c](std::size_t t, int q, int s) { return c.trans(t, q, s); };
}
}  // namespace

void best_path(const Chain& c, std::vector<int>& states, Forward* kept) { best_path(c, asked(c), states, kept); }

void path_margins(const Chain& c, const std::vector<int>& states, const Forward& kept, std::vector<double>& margins) {
  path_margins(c, asked(c), states, kept, margins);
}

void viterbi(const Chain& c, std::vector<int>& states, std::vector<double>& margins) {
  Forward kept;
  best_path(c, states, &kept);
  path_margins(c, states, kept, margins);
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
