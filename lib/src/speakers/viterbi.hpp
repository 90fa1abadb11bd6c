// Viterbi over a Chain (sequence.hpp) with the transition terms as a template parameter, so that
// a caller's own lambda is inlined where the passes ask it (k * k times a step): unlabelled.cpp's
// decoding. best_path and path_margins of sequence.hpp are these over Chain::trans.
// Internal to lib/src/speakers/.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "speakers/sequence.hpp"

namespace jatei::speakers {

namespace viterbi_detail {

inline constexpr double kNone = -std::numeric_limits<double>::infinity();

// One step of the forward pass over pair states at a step t whose pairs must follow on: the
// same sums and the same winner as looking at every predecessor (staying first, then the lower
// state on a tie), but trans is asked only for the k predecessors that follow on; the others
// are a[q] + kBroken, whose best is taken per residue q % k once for the step.
// `group` and `group_q` are room for pair_k values, kept from step to step.
template <class Tr>
void forward_pairs(const Chain& c, const Tr& tr, std::size_t t, const double* prev, double* cur, int* back, const double* e,
                   std::vector<double>& group, std::vector<std::size_t>& group_q) {
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
    if (stay_follows) offer(prev[s] + tr(t, static_cast<int>(s), static_cast<int>(s)), -1);
    else offer(prev[s] + Chain::kBroken, -1);
    for (std::size_t before = 0; before < pk; ++before) {  // the predecessors that follow on
      std::size_t q = before * pk + mid;
      if (q == s) continue;
      offer(prev[q] + tr(t, static_cast<int>(q), static_cast<int>(s)), static_cast<long>(q));
    }
    for (std::size_t r = 0; r < pk; ++r) {  // the best of those that do not, by residue
      if (r == mid || group[r] == kNone) continue;
      // When s leads its own residue it was offered first, and no other of the residue beats it.
      if (group_q[r] != s) offer(group[r], static_cast<long>(group_q[r]));
    }
    cur[s] = best + e[s];
    back[s] = best_place < 0 ? static_cast<int>(s) : static_cast<int>(best_place);
  }
}

// One step of the backward pass over pair states, b[t] from b[t + 1], likewise: the same
// maximum, trans asked only where the pair follows on.
template <class Tr>
void backward_pairs(const Chain& c, const Tr& tr, std::size_t t, const double* next_b, double* b, const double* e,
                    std::vector<double>& group) {
  const std::size_t k = c.k, pk = c.pair_k;
  // Per first speaker m of the pair: the best kBroken + emit + b over s with s / pk == m.
  group.assign(pk, kNone);
  for (std::size_t s = 0; s < k; ++s) group[s / pk] = std::max(group[s / pk], Chain::kBroken + e[s] + next_b[s]);
  for (std::size_t q = 0; q < k; ++q) {
    const std::size_t r = q % pk;
    double best = kNone;
    for (std::size_t cur = 0; cur < pk; ++cur) {  // s = (r, cur) follows q on
      std::size_t s = r * pk + cur;
      best = std::max(best, tr(t + 1, static_cast<int>(q), static_cast<int>(s)) + e[s] + next_b[s]);
    }
    for (std::size_t m = 0; m < pk; ++m)
      if (m != r) best = std::max(best, group[m]);
    b[q] = best;
  }
}


// The emissions of step t, a row.
inline void emissions(const Chain& c, std::size_t t, double* e) {
  for (std::size_t s = 0; s < c.k; ++s) e[s] = c.emission(t, s);
}

// What one step of the forward or the backward pass works in, sized for a chain: whether its
// states are pairs of speakers, the step's emissions, where each state came from, and the
// per-group bests of the pair shortcut.
struct Scratch {
  explicit Scratch(const Chain& c)
      : pairs(c.pair_k > 0 && c.pair_k * c.pair_k == c.k && c.follows.size() == c.n), e(c.k), from(c.k) {}
  bool pairs;
  std::vector<double> e;
  std::vector<int> from;
  std::vector<double> group;
  std::vector<std::size_t> group_q;
};

// The forward scores of step t >= 1 from those of t - 1, and where each came from (w.from).
template <class Tr>
void forward(const Chain& c, const Tr& tr, Scratch& w, std::size_t t, const double* prev, double* cur) {
  const std::size_t k = c.k;
  double* e = w.e.data();
  int* back = w.from.data();
  emissions(c, t, e);
  if (w.pairs && c.follows[t]) {
    forward_pairs(c, tr, t, prev, cur, back, e, w.group, w.group_q);
    return;
  }
  for (std::size_t s = 0; s < k; ++s) {
    // Staying is looked at first, so that on a tie the speaker goes on.
    double best = prev[s] + tr(t, static_cast<int>(s), static_cast<int>(s));
    int from = static_cast<int>(s);
    for (std::size_t q = 0; q < k; ++q) {
      if (q == s) continue;
      double v = prev[q] + tr(t, static_cast<int>(q), static_cast<int>(s));
      if (v > best) best = v, from = static_cast<int>(q);
    }
    cur[s] = best + e[s];
    back[s] = from;
  }
}

// The backward scores of step t < n - 1 from those of t + 1.
template <class Tr>
void backward(const Chain& c, const Tr& tr, Scratch& w, std::size_t t, const double* next_b, double* b) {
  const std::size_t k = c.k;
  double* e = w.e.data();
  emissions(c, t + 1, e);
  if (w.pairs && c.follows[t + 1]) {
    backward_pairs(c, tr, t, next_b, b, e, w.group);
    return;
  }
  for (std::size_t q = 0; q < k; ++q) {
    double best = kNone;
    for (std::size_t s = 0; s < k; ++s)
      best = std::max(best, tr(t + 1, static_cast<int>(q), static_cast<int>(s)) + e[s] + next_b[s]);
    b[q] = best;
  }
}

// Back pointers, n * k of them, in as few bytes each as k allows.
class BackPointers {
 public:
  BackPointers(std::size_t n, std::size_t k) : k_(k), width_(k <= 256 ? 1 : k <= 65536 ? 2 : 4), bytes_(n * k * width_) {}
  void set(std::size_t t, const int* row) {
    unsigned char* p = bytes_.data() + t * k_ * width_;
    for (std::size_t s = 0; s < k_; ++s) {
      auto v = static_cast<std::uint32_t>(row[s]);
      for (std::size_t i = 0; i < width_; ++i) p[s * width_ + i] = static_cast<unsigned char>(v >> (8 * i));
    }
  }
  int get(std::size_t t, std::size_t s) const {
    const unsigned char* p = bytes_.data() + (t * k_ + s) * width_;
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < width_; ++i) v |= static_cast<std::uint32_t>(p[i]) << (8 * i);
    return static_cast<int>(v);
  }

 private:
  std::size_t k_, width_;
  std::vector<unsigned char> bytes_;
};

}  // namespace viterbi_detail

inline std::size_t Forward::stretch(const Chain& c) {
  // The kept rows (n / every of k scores) against what a stretch holds of trans (every steps of
  // k * pair_k, or k * k, values): about as much of each.
  const bool pairs = c.pair_k > 0 && c.pair_k * c.pair_k == c.k && c.follows.size() == c.n;
  const std::size_t per = pairs ? c.k * c.pair_k : c.k * c.k;
  std::size_t every = 16;
  while (every * every * std::max<std::size_t>(per, 1) < c.n * c.k && every < c.n) every *= 2;
  return every;
}

template <class Tr>
void best_path(const Chain& c, const Tr& tr, std::vector<int>& states, Forward* kept) {
  using namespace viterbi_detail;
  const std::size_t n = c.n, k = c.k;
  states.assign(n, 0);
  if (kept) *kept = Forward();
  if (n == 0 || k == 0) return;
  Scratch w(c);
  const std::size_t every = Forward::stretch(c);
  if (kept) {
    kept->every = every;
    kept->rows.assign(((n + every - 1) / every) * k, 0);
  }
  BackPointers back(n, k);
  std::vector<double> prev(k), cur(k);
  emissions(c, 0, prev.data());
  if (kept) std::copy(prev.begin(), prev.end(), kept->rows.begin());
  for (std::size_t t = 1; t < n; ++t) {
    forward(c, tr, w, t, prev.data(), cur.data());
    back.set(t, w.from.data());
    if (kept && t % every == 0)
      std::copy(cur.begin(), cur.end(), kept->rows.begin() + static_cast<std::ptrdiff_t>((t / every) * k));
    prev.swap(cur);
  }
  // Back from the best last state.
  int s = 0;
  for (std::size_t q = 1; q < k; ++q)
    if (prev[q] > prev[static_cast<std::size_t>(s)]) s = static_cast<int>(q);
  for (std::size_t t = n; t-- > 0;) {
    states[t] = s;
    if (t > 0) s = back.get(t, static_cast<std::size_t>(s));
  }
}

template <class Tr>
void path_margins(const Chain& c, const Tr& tr, const std::vector<int>& states, const Forward& kept,
                  std::vector<double>& margins) {
  using namespace viterbi_detail;
  const std::size_t n = c.n, k = c.k;
  margins.assign(n, 0);
  if (n == 0 || k == 0) return;
  Scratch w(c);
  const bool pairs = w.pairs;
  const std::size_t every = kept.every, stretches = (n + every - 1) / every;
  // Backward, a stretch at a time from the last: its forward scores made again from its kept
  // row, then each step's backward scores and its margin.
  // What trans gives at each step of the stretch (and the step after it), asked once by the
  // forward pass made again and read back by the backward pass, which asks the same pairs: every
  // pair of states, or over pairs where they follow on, the ones that do (q, then the speaker
  // after q's: q * pair_k + s % pair_k).
  auto cached = [&](std::size_t t) { return !pairs || c.follows[t]; };
  const std::size_t per = pairs ? k * c.pair_k : k * k;
  auto slot = [&](int q, int s) {
    auto uq = static_cast<std::size_t>(q), us = static_cast<std::size_t>(s);
    return pairs ? uq * c.pair_k + us % c.pair_k : uq * k + us;
  };
  std::vector<double> memo((every + 1) * per);
  std::size_t t0 = 0;
  auto record = [&](std::size_t t, int q, int s) {
    double v = tr(t, q, s);
    if (cached(t)) memo[(t - t0) * per + slot(q, s)] = v;
    return v;
  };
  auto recall = [&](std::size_t t, int q, int s) {
    return cached(t) ? memo[(t - t0) * per + slot(q, s)] : tr(t, q, s);
  };
  auto label = [&](std::size_t q) { return c.label.empty() ? static_cast<int>(q) : c.label[q]; };
  std::vector<double> a((every + 1) * k), b(k, 0), next_b(k, 0);
  for (std::size_t st = stretches; st-- > 0;) {
    t0 = st * every;
    const std::size_t t1 = std::min(n, t0 + every);
    std::copy(kept.rows.begin() + static_cast<std::ptrdiff_t>(st * k),
              kept.rows.begin() + static_cast<std::ptrdiff_t>((st + 1) * k), a.begin());
    // Up to the next stretch's first step (its scores are the kept row: made here only for
    // what trans gives there).
    for (std::size_t t = t0 + 1; t <= t1 && t < n; ++t)
      forward(c, record, w, t, &a[(t - 1 - t0) * k], &a[(t - t0) * k]);
    for (std::size_t t = t1; t-- > t0;) {
      if (t + 1 < n) backward(c, recall, w, t, next_b.data(), b.data());  // the last step's are zeros
      const double* at = &a[(t - t0) * k];
      const std::size_t mine_s = static_cast<std::size_t>(states[t]);
      double mine = at[mine_s] + b[mine_s], other = kNone;
      for (std::size_t q = 0; q < k; ++q)
        if (label(q) != label(mine_s)) other = std::max(other, at[q] + b[q]);
      margins[t] = other == kNone ? 1e9 : mine - other;
      next_b.swap(b);
    }
  }
}

}  // namespace jatei::speakers
