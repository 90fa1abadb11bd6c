// Viterbi with max-marginals over any number of speakers, and the profile emissions of hard EM.
#include "speakers/sequence.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jatei::speakers {

namespace {

constexpr double kNone = -std::numeric_limits<double>::infinity();

// One step of the forward pass over pair states at a step t whose pairs must follow on: the
// same sums and the same winner as looking at every predecessor (staying first, then the lower
// state on a tie), but trans is asked only for the k predecessors that follow on; the others
// are a[q] + kBroken, whose best is taken per residue q % k once for the step.
// `group` and `group_q` are room for pair_k values, kept from step to step.
void forward_pairs(const Chain& c, std::size_t t, const double* prev, double* cur, int* back, std::vector<double>& group,
                   std::vector<std::size_t>& group_q) {
  const std::size_t k = c.k, pk = c.pair_k;
  // Per residue r: the best a[q] + kBroken over q with q % pk == r, the lowest q on a tie.
  group.assign(pk, kNone);
  group_q.assign(pk, 0);
  for (std::size_t q = 0; q < k; ++q) {
    double v = prev[q] + Chain::kBroken;
    if (v > group[q % pk]) group[q % pk] = v, group_q[q % pk] = q;
  }
  for (std::size_t s = 0; s < k; ++s) {
    const std::size_t mid = s / pk;
    // Candidates in the order of the plain loop: s first, then every other q upwards; the
    // first of the best wins. A candidate is (sum, place), place -1 for s.
    double best = kNone;
    long best_place = 0;
    auto offer = [&](double v, long place) {
      if (v > best || (v == best && place < best_place)) best = v, best_place = place;
    };
    bool stay_follows = s % pk == mid;
    if (stay_follows) offer(prev[s] + c.trans(t, static_cast<int>(s), static_cast<int>(s)), -1);
    else offer(prev[s] + Chain::kBroken, -1);
    for (std::size_t before = 0; before < pk; ++before) {  // the predecessors that follow on
      std::size_t q = before * pk + mid;
      if (q == s) continue;
      offer(prev[q] + c.trans(t, static_cast<int>(q), static_cast<int>(s)), static_cast<long>(q));
    }
    for (std::size_t r = 0; r < pk; ++r) {  // the best of those that do not, by residue
      if (r == mid || group[r] == kNone) continue;
      // When s leads its own residue it was offered first, and no other of the residue beats it.
      if (group_q[r] != s) offer(group[r], static_cast<long>(group_q[r]));
    }
    cur[s] = best + c.emit[t * k + s];
    back[s] = best_place < 0 ? static_cast<int>(s) : static_cast<int>(best_place);
  }
}

// One step of the backward pass over pair states, b[t] from b[t + 1], likewise: the same
// maximum, trans asked only where the pair follows on.
void backward_pairs(const Chain& c, std::size_t t, const double* next_b, double* b, std::vector<double>& group) {
  const std::size_t k = c.k, pk = c.pair_k;
  const double* e = c.emit.data() + (t + 1) * k;
  // Per first speaker m of the pair: the best kBroken + emit + b over s with s / pk == m.
  group.assign(pk, kNone);
  for (std::size_t s = 0; s < k; ++s) group[s / pk] = std::max(group[s / pk], Chain::kBroken + e[s] + next_b[s]);
  for (std::size_t q = 0; q < k; ++q) {
    const std::size_t r = q % pk;
    double best = kNone;
    for (std::size_t cur = 0; cur < pk; ++cur) {  // s = (r, cur) follows q on
      std::size_t s = r * pk + cur;
      best = std::max(best, c.trans(t + 1, static_cast<int>(q), static_cast<int>(s)) + e[s] + next_b[s]);
    }
    for (std::size_t m = 0; m < pk; ++m)
      if (m != r) best = std::max(best, group[m]);
    b[q] = best;
  }
}

}  // namespace

void viterbi(const Chain& c, std::vector<int>& states, std::vector<double>& margins) {
  const std::size_t n = c.n, k = c.k;
  states.assign(n, 0);
  margins.assign(n, 0);
  if (n == 0 || k == 0) return;
  std::vector<double> a(n * k, kNone), b(n * k, 0);
  std::vector<int> back(n * k, 0);
  const bool pairs = c.pair_k > 0 && c.pair_k * c.pair_k == k && c.follows.size() == n;
  std::vector<double> group;
  std::vector<std::size_t> group_q;
  for (std::size_t s = 0; s < k; ++s) a[s] = c.emit[s];
  for (std::size_t t = 1; t < n; ++t) {
    if (pairs && c.follows[t]) {
      forward_pairs(c, t, &a[(t - 1) * k], &a[t * k], &back[t * k], group, group_q);
      continue;
    }
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
  }
  for (std::size_t t = n - 1; t-- > 0;) {
    if (pairs && c.follows[t + 1]) {
      backward_pairs(c, t, &b[(t + 1) * k], &b[t * k], group);
      continue;
    }
    for (std::size_t q = 0; q < k; ++q) {
      double best = kNone;
      for (std::size_t s = 0; s < k; ++s)
        best = std::max(best, c.trans(t + 1, static_cast<int>(q), static_cast<int>(s)) + c.emit[(t + 1) * k + s] +
                                  b[(t + 1) * k + s]);
      b[t * k + q] = best;
    }
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
