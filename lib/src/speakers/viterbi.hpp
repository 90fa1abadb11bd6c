// Viterbi over a Chain (sequence.hpp) with the transition terms as a template parameter, so that
// a caller's own lambda is inlined where the passes ask it (k * k times a step): unlabelled.cpp's
// decoding. best_path and path_margins of sequence.hpp are these over Chain::trans.
// Internal to lib/src/speakers/.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <vector>

#include "speakers/sequence.hpp"

namespace jatei::speakers {

// Terms over pair states in the shape the cast's decoding has (unlabelled.cpp), which lets a
// step of Viterbi cost k * k (k speakers) instead of k * k * k. `full(t, from, to)` is the term of
// any two pair states (what a caller without the shape would hand over: the tests and the plain
// passes ask it); it must equal what the others say:
//   at a step that follows on (Chain::follows), from (before, prev) to (prev, cur):
//     step(t, prev, cur) + (before == cur && before != prev ? bonus(t) : 0.0)
//     (the answer that goes back to the one before), kBroken where the pair does not follow on;
//   at a fresh start, fresh(t, to) whatever the state before.
// The passes then give the same sums, paths and margins as over `full`, to the last bit
// (test_speakers_sequence).
template <class Full, class Step, class Bonus, class Fresh>
struct PairTerms {
  const Full& full;
  const Step& step;
  const Bonus& bonus;
  const Fresh& fresh;
  double operator()(std::size_t t, int from, int to) const { return full(t, from, to); }
};
template <class Full, class Step, class Bonus, class Fresh>
PairTerms<Full, Step, Bonus, Fresh> pair_terms(const Full& full, const Step& step, const Bonus& bonus, const Fresh& fresh) {
  return {full, step, bonus, fresh};
}
template <class T>
struct IsPairTerms : std::false_type {};
template <class Full, class Step, class Bonus, class Fresh>
struct IsPairTerms<PairTerms<Full, Step, Bonus, Fresh>> : std::true_type {};

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
  // For PairTerms: a row of a step's backward terms, the three best predecessors of each
  // speaker, the residues in order of their best.
  std::vector<double> step;
  std::vector<std::size_t> order, group_order;
};

// The three befores with the best scores prev[before * pk + mid], best first, the lower before
// on a tie; pk where there are fewer.
inline void top_three(const double* prev, std::size_t mid, std::size_t pk, std::size_t* o) {
  auto better = [&](std::size_t x, std::size_t y) {
    return y == pk || prev[x * pk + mid] > prev[y * pk + mid];  // x < y: the lower first on a tie
  };
  o[0] = o[1] = o[2] = pk;
  for (std::size_t before = 0; before < pk; ++before) {
    if (better(before, o[0])) o[2] = o[1], o[1] = o[0], o[0] = before;
    else if (better(before, o[1])) o[2] = o[1], o[1] = before;
    else if (better(before, o[2])) o[2] = before;
  }
}

// One step of the forward pass over pair states that follow on, with PairTerms: the same sums
// and the same winner as forward_pairs (staying first, then the lower state on a tie) in about
// k * pair_k operations. For a state (mid, cur) the predecessors that follow on are (before, mid),
// all with the same term step(t, mid, cur) but for before == cur (the bonus, or the stay): with
// the predecessors of mid in order of their scores, the best is the first, and a tie after the
// sum is rounded can only be with those right after it (rounding keeps the order), of which the
// lowest state wins.
template <class Tr>
void forward_pair_terms(const Chain& c, const Tr& tr, std::size_t t, const double* prev, double* cur, int* back,
                        const double* e, Scratch& w) {
  const std::size_t k = c.k, pk = c.pair_k;
  auto& group = w.group;
  auto& group_q = w.group_q;
  group.assign(pk, kNone);
  group_q.assign(pk, 0);
  for (std::size_t q = 0; q < k; ++q) {
    double v = prev[q] + Chain::kBroken;
    if (v > group[q % pk]) group[q % pk] = v, group_q[q % pk] = q;
  }
  // The residues whose best is not -inf, best first (the lower state on a tie).
  auto& gorder = w.group_order;
  gorder.clear();
  for (std::size_t r = 0; r < pk; ++r)
    if (group[r] != kNone) gorder.push_back(r);
  std::sort(gorder.begin(), gorder.end(), [&](std::size_t x, std::size_t y) {
    return group[x] > group[y] || (group[x] == group[y] && group_q[x] < group_q[y]);
  });
  // For each mid, the three best befores by the score of (before, mid), the lower on a tie.
  auto& order = w.order;
  order.assign(3 * pk, pk);
  for (std::size_t mid = 0; mid < pk; ++mid) top_three(prev, mid, pk, order.data() + 3 * mid);
  const double bonus = tr.bonus(t);
  for (std::size_t mid = 0; mid < pk; ++mid) {
    const std::size_t* o = order.data() + 3 * mid;
    for (std::size_t to = 0; to < pk; ++to) {
      const std::size_t s = mid * pk + to;
      double best = kNone;
      long best_place = 0;
      auto offer = [&](double v, long place) {
        if (v > best || (v == best && place < best_place)) best = v, best_place = place;
      };
      const double term = tr.step(t, static_cast<int>(mid), static_cast<int>(to));
      const double plain = term + 0.0;
      if (to == mid) {
        offer(prev[s] + plain, -1);  // staying: before == mid == cur
      } else {
        offer(prev[s] + Chain::kBroken, -1);
        const std::size_t q = to * pk + mid;  // before == cur: the answer that goes back
        offer(prev[q] + (term + bonus), static_cast<long>(q));
      }
      // The others (before != cur): the best, unless the next best ties with it once summed
      // (rounding keeps the order, so nothing further can); then all of them are looked at.
      std::size_t first = pk, second = pk;
      for (std::size_t i = 0; i < 3; ++i) {
        if (o[i] == pk || o[i] == to) continue;
        if (first == pk) first = o[i];
        else if (second == pk) second = o[i];
      }
      if (first != pk) {
        const double top = prev[first * pk + mid] + plain;
        std::size_t low = first;
        if (second != pk && prev[second * pk + mid] + plain == top)
          for (std::size_t before = 0; before < pk; ++before)
            if (before != to && prev[before * pk + mid] + plain == top) {
              low = before;
              break;
            }
        offer(top, static_cast<long>(low * pk + mid));
      }
      for (std::size_t r : gorder) {  // the best of those that do not follow on
        if (r == mid || group_q[r] == s) continue;
        offer(group[r], static_cast<long>(group_q[r]));
        break;
      }
      cur[s] = best + e[s];
      back[s] = best_place < 0 ? static_cast<int>(s) : static_cast<int>(best_place);
    }
  }
}

// One step of the forward pass at a fresh start with PairTerms: the term is the same from every
// state before (fresh(t, to)), so the best is the best state before (staying first, then the
// lower state on a tie), found from every state in order of its score.
template <class Tr>
void forward_fresh_terms(const Chain& c, const Tr& tr, std::size_t t, const double* prev, double* cur, int* back,
                         const double* e) {
  const std::size_t k = c.k;
  // The best state before and the next best (the lower on a tie).
  std::size_t one = 0, two = k;
  for (std::size_t q = 1; q < k; ++q) {
    if (prev[q] > prev[one]) two = one, one = q;
    else if (two == k || prev[q] > prev[two]) two = q;
  }
  for (std::size_t s = 0; s < k; ++s) {
    const double term = tr.fresh(t, static_cast<int>(s));
    const double top = prev[one] + term;
    std::size_t from = s;
    if (prev[s] + term != top) {
      from = one;
      // A tie once summed with the next best (rounding keeps the order): the lowest that ties.
      if (two != k && prev[two] + term == top)
        for (std::size_t q = 0; q < k; ++q)
          if (prev[q] + term == top) {
            from = q;
            break;
          }
    }
    cur[s] = top + e[s];
    back[s] = static_cast<int>(from);
  }
}

// One step of the backward pass with PairTerms, b[t] from b[t + 1]: the same maxima as
// backward_pairs (or the plain loop at a fresh start), each state's from the two best of its row.
template <class Tr>
void backward_terms(const Chain& c, const Tr& tr, std::size_t t, const double* next_b, double* b, const double* e,
                    Scratch& w) {
  const std::size_t k = c.k, pk = c.pair_k;
  if (!c.follows[t + 1]) {  // a fresh start: the same for every state before
    double best = kNone;
    for (std::size_t s = 0; s < k; ++s) best = std::max(best, tr.fresh(t + 1, static_cast<int>(s)) + e[s] + next_b[s]);
    std::fill(b, b + k, best);
    return;
  }
  auto& group = w.group;
  group.assign(pk, kNone);
  for (std::size_t s = 0; s < k; ++s) group[s / pk] = std::max(group[s / pk], Chain::kBroken + e[s] + next_b[s]);
  // The best of n values, where it is, and the best of the others.
  auto two_best = [&](const double* v, std::size_t n, double& first, std::size_t& at, double& second) {
    first = kNone, second = kNone, at = n;
    for (std::size_t i = 0; i < n; ++i) {
      if (at == n || v[i] > first) {
        if (at != n) second = std::max(second, first);
        first = v[i], at = i;
      } else {
        second = std::max(second, v[i]);
      }
    }
  };
  double g1, g2;
  std::size_t g_at;
  two_best(group.data(), pk, g1, g_at, g2);
  const double bonus = tr.bonus(t + 1);
  auto& row = w.step;
  row.resize(pk);
  for (std::size_t r = 0; r < pk; ++r) {
    // Every state (before, r) goes on to (r, cur); the term is step(r, cur), but for cur ==
    // before != r, where the bonus is added.
    for (std::size_t to = 0; to < pk; ++to) {
      const std::size_t s = r * pk + to;
      row[to] = (tr.step(t + 1, static_cast<int>(r), static_cast<int>(to)) + 0.0) + e[s] + next_b[s];
    }
    double u1, u2;
    std::size_t u_at;
    two_best(row.data(), pk, u1, u_at, u2);
    const double broken = g_at != r ? g1 : g2;
    for (std::size_t before = 0; before < pk; ++before) {
      double best;
      if (before == r) {
        best = u1;
      } else {
        const std::size_t s = r * pk + before;
        best = u_at != before ? u1 : u2;
        best = std::max(best, (tr.step(t + 1, static_cast<int>(r), static_cast<int>(before)) + bonus) + e[s] + next_b[s]);
      }
      b[before * pk + r] = std::max(best, broken);
    }
  }
}

// The forward scores of step t >= 1 from those of t - 1, and where each came from (w.from).
template <class Tr>
void forward(const Chain& c, const Tr& tr, Scratch& w, std::size_t t, const double* prev, double* cur) {
  const std::size_t k = c.k;
  double* e = w.e.data();
  int* back = w.from.data();
  emissions(c, t, e);
  if constexpr (IsPairTerms<Tr>::value) {
    if (w.pairs) {
      if (c.follows[t]) forward_pair_terms(c, tr, t, prev, cur, back, e, w);
      else forward_fresh_terms(c, tr, t, prev, cur, back, e);
      return;
    }
  }
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
  if constexpr (IsPairTerms<Tr>::value) {
    if (w.pairs) {
      backward_terms(c, tr, t, next_b, b, e, w);
      return;
    }
  }
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
  // (PairTerms are asked again instead: a step asks them k * pair_k times at most.)
  constexpr bool terms = IsPairTerms<Tr>::value;
  std::vector<double> memo(terms ? 0 : (every + 1) * per);
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
      if constexpr (terms) forward(c, tr, w, t, &a[(t - 1 - t0) * k], &a[(t - t0) * k]);
      else forward(c, record, w, t, &a[(t - 1 - t0) * k], &a[(t - t0) * k]);
    for (std::size_t t = t1; t-- > t0;) {
      if (t + 1 < n) {  // the last step's are zeros
        if constexpr (terms) backward(c, tr, w, t, next_b.data(), b.data());
        else backward(c, recall, w, t, next_b.data(), b.data());
      }
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
