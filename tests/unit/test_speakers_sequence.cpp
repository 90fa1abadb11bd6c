// The sequence model of lib/src/speakers/sequence.cpp: Viterbi over pair states (previous
// speaker, speaker) asks trans only for the pairs that follow on and adds Chain::kBroken for the
// others; its paths, back pointers and margins must be those of the plain loop over every pair
// of states, ties and -1e6 penalties included. The plain loop is kept here as the reference.
#define BOOST_TEST_MODULE speakers_sequence
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "speakers/sequence.hpp"
#include "speakers/viterbi.hpp"

using namespace jatei::speakers;

namespace {

// The plain Viterbi with max-marginals: every predecessor of every state asked, staying first.
void plain_viterbi(const Chain& c, std::vector<int>& states, std::vector<double>& margins) {
  const std::size_t n = c.n, k = c.k;
  states.assign(n, 0);
  margins.assign(n, 0);
  constexpr double kNone = -std::numeric_limits<double>::infinity();
  std::vector<double> a(n * k, kNone), b(n * k, 0);
  std::vector<int> back(n * k, 0);
  for (std::size_t s = 0; s < k; ++s) a[s] = c.emit[s];
  for (std::size_t t = 1; t < n; ++t)
    for (std::size_t s = 0; s < k; ++s) {
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

// A chain over pairs of `speakers` people as unlabelled.cpp builds it: emissions and pair terms
// drawn from a few values (so that ties are common), some steps fresh starts, some emissions
// the -1e6 of "no one before the first", some -infinity.
Chain random_pair_chain(std::mt19937& rng, std::size_t speakers, std::size_t n, std::vector<double>& table,
                        std::vector<char>& fresh) {
  const std::size_t k = speakers * speakers;
  std::uniform_int_distribution<int> small(-3, 3), pick(0, 19);
  Chain c;
  c.n = n;
  c.k = k;
  fresh.assign(n, 0);
  for (std::size_t t = 0; t < n; ++t) fresh[t] = t == 0 || pick(rng) == 0;
  for (std::size_t t = 0; t < n; ++t)
    for (std::size_t s = 0; s < k; ++s) {
      int r = pick(rng);
      double e = r == 0 ? Chain::kBroken : r == 1 ? -std::numeric_limits<double>::infinity() : small(rng) * 0.5;
      if (fresh[t] && s / speakers != s % speakers) e += Chain::kBroken;
      c.emit.push_back(e);
    }
  table.resize(n * k * k);
  for (auto& v : table) v = small(rng) * 0.25;
  for (std::size_t s = 0; s < k; ++s) c.label.push_back(static_cast<int>(s % speakers));
  c.trans = [&table, &fresh, speakers, k](std::size_t t, int from, int to) {
    int kk = static_cast<int>(speakers);
    if (fresh[t]) return to / kk == to % kk ? 0.0 : Chain::kBroken;
    if (from % kk != to / kk) return Chain::kBroken;
    return table[(t * k + static_cast<std::size_t>(from)) * k + static_cast<std::size_t>(to)];
  };
  return c;
}

// Pair states as unlabelled.cpp marks them: every step but a fresh start follows on.
void follow_pairs(Chain& c, std::size_t speakers, const std::vector<char>& fresh) {
  c.pair_k = speakers;
  c.follows.assign(c.n, 0);
  for (std::size_t t = 0; t < c.n; ++t) c.follows[t] = !fresh[t];
}

}  // namespace

BOOST_AUTO_TEST_CASE(pair_states_give_the_plain_loops_path_and_margins) {
  std::mt19937 rng(20261207);
  int compared = 0;
  for (std::size_t speakers : {2, 3, 4, 5}) {
    for (int round = 0; round < 150; ++round) {
      std::size_t n = 1 + rng() % 40;
      std::vector<double> table;
      std::vector<char> fresh;
      Chain c = random_pair_chain(rng, speakers, n, table, fresh);
      std::vector<int> want_states, got_states;
      std::vector<double> want_margins, got_margins;
      plain_viterbi(c, want_states, want_margins);
      follow_pairs(c, speakers, fresh);
      viterbi(c, got_states, got_margins);
      BOOST_TEST(got_states == want_states, speakers << " speakers, round " << round);
      bool same_margins = true;
      for (std::size_t t = 0; t < n; ++t)
        same_margins = same_margins && (got_margins[t] == want_margins[t] ||
                                        (std::isnan(got_margins[t]) && std::isnan(want_margins[t])));
      BOOST_TEST(same_margins, speakers << " speakers, round " << round);
      ++compared;
    }
  }
  BOOST_TEST(compared == 600);
}

BOOST_AUTO_TEST_CASE(pair_states_ask_trans_only_where_the_pair_follows_on) {
  std::mt19937 rng(7);
  std::vector<double> table;
  std::vector<char> fresh;
  const std::size_t speakers = 4, n = 30;
  Chain c = random_pair_chain(rng, speakers, n, table, fresh);
  auto inner = c.trans;
  std::size_t asked_broken = 0, asked = 0;
  c.trans = [&](std::size_t t, int from, int to) {
    ++asked;
    if (!fresh[t] && from % static_cast<int>(speakers) != to / static_cast<int>(speakers)) ++asked_broken;
    return inner(t, from, to);
  };
  follow_pairs(c, speakers, fresh);
  std::vector<int> states;
  std::vector<double> margins;
  viterbi(c, states, margins);
  BOOST_TEST(asked > 0u);
  BOOST_TEST(asked_broken == 0u);
}

// Long chains (the stretches whose scores viterbi makes again from a kept row, past 16, 256 and
// 4,096 steps; more than 256 states: back pointers of two bytes), plain and over pairs, and a
// chain given one emission per speaker (emit_k, start) as unlabelled.cpp gives it: the plain
// loop's path and margins, to the last bit.
BOOST_AUTO_TEST_CASE(long_chains_and_speaker_emissions_give_the_plain_loops_path_and_margins) {
  std::mt19937 rng(15);
  auto same = [](const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size()) return false;
    for (std::size_t t = 0; t < x.size(); ++t)
      if (!(x[t] == y[t] || (std::isnan(x[t]) && std::isnan(y[t])))) return false;
    return true;
  };
  int compared = 0;
  for (std::size_t n : {1u, 2u, 15u, 16u, 17u, 255u, 256u, 257u, 1000u, 4097u}) {
    for (std::size_t speakers : {2u, 3u}) {
      std::vector<double> table;
      std::vector<char> fresh;
      Chain c = random_pair_chain(rng, speakers, n, table, fresh);
      std::vector<int> want_states, got_states;
      std::vector<double> want_margins, got_margins;
      plain_viterbi(c, want_states, want_margins);
      viterbi(c, got_states, got_margins);  // every pair asked
      BOOST_TEST(got_states == want_states, n << " steps, " << speakers << " speakers");
      BOOST_TEST(same(got_margins, want_margins), n << " steps, " << speakers << " speakers");
      follow_pairs(c, speakers, fresh);
      viterbi(c, got_states, got_margins);
      BOOST_TEST(got_states == want_states, n << " steps, " << speakers << " speakers, pairs");
      BOOST_TEST(same(got_margins, want_margins), n << " steps, " << speakers << " speakers, pairs");
      // One emission per speaker, the pairs' emissions made from them.
      const std::size_t k = speakers * speakers;
      std::vector<double> per_speaker(n * speakers);
      for (auto& v : per_speaker) v = static_cast<double>(static_cast<int>(rng() % 7) - 3) * 0.5;
      Chain full = c;
      full.emit.assign(n * k, 0);
      for (std::size_t t = 0; t < n; ++t)
        for (std::size_t s = 0; s < k; ++s)
          full.emit[t * k + s] = per_speaker[t * speakers + s % speakers] - (fresh[t] && s / speakers != s % speakers ? 1e6 : 0);
      Chain light = c;
      light.emit = per_speaker;
      light.emit_k = speakers;
      light.start.assign(fresh.begin(), fresh.end());
      plain_viterbi(full, want_states, want_margins);
      viterbi(light, got_states, got_margins);
      BOOST_TEST(got_states == want_states, n << " steps, " << speakers << " speakers, speaker emissions");
      BOOST_TEST(same(got_margins, want_margins), n << " steps, " << speakers << " speakers, speaker emissions");
      ++compared;
    }
  }
  // 300 states, no pairs: back pointers past a byte.
  {
    const std::size_t n = 40, k = 300;
    Chain c;
    c.n = n;
    c.k = k;
    for (std::size_t i = 0; i < n * k; ++i) c.emit.push_back(static_cast<double>(static_cast<int>(rng() % 9) - 4));
    for (std::size_t t = 0; t < n; t += 2) c.emit[t * k + 260 + t % 40] += 20;  // states past 255 win some steps
    std::vector<double> table(n * k * k);
    for (auto& v : table) v = static_cast<double>(static_cast<int>(rng() % 5) - 2) * 0.25;
    c.trans = [&table, k](std::size_t t, int from, int to) {
      return table[(t * k + static_cast<std::size_t>(from)) * k + static_cast<std::size_t>(to)];
    };
    std::vector<int> want_states, got_states;
    std::vector<double> want_margins, got_margins;
    plain_viterbi(c, want_states, want_margins);
    viterbi(c, got_states, got_margins);
    BOOST_TEST(got_states == want_states);
    BOOST_TEST(same(got_margins, want_margins));
    BOOST_TEST(*std::max_element(got_states.begin(), got_states.end()) > 255);
  }
  BOOST_TEST(compared == 20);
}

// Pair states handed over with their shape (PairTerms, viterbi.hpp), as the cast's decoding
// hands them: a step's term between speakers, the bonus of the answer that goes back to the one
// before, the fresh starts. The passes look at k * k terms a step instead of k * k * k, so they
// must still find the plain loop's path (its winner on every tie, the ties the rounding of a
// sum makes included: scores past 2^53, where two different scores plus a term may round to the
// same sum) and its margins to the last bit, over 2 to 17 speakers.
BOOST_AUTO_TEST_CASE(pair_terms_give_the_plain_loops_path_and_margins) {
  std::mt19937 rng(20261207);
  auto same = [](const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size()) return false;
    for (std::size_t t = 0; t < x.size(); ++t)
      if (!(x[t] == y[t] || (std::isnan(x[t]) && std::isnan(y[t])))) return false;
    return true;
  };
  int compared = 0, rounded = 0;
  for (int round = 0; round < 400; ++round) {
    const std::size_t speakers = 2 + static_cast<std::size_t>(round % 16);
    const std::size_t n = round % 50 == 0 ? 300 + rng() % 400 : 1 + rng() % 40;
    const std::size_t k = speakers * speakers;
    const bool huge = round % 3 == 0;  // scores where small terms round away: ties
    std::uniform_int_distribution<int> small(-3, 3), pick(0, 19);
    std::vector<char> fresh(n, 0);
    for (std::size_t t = 0; t < n; ++t) fresh[t] = t == 0 || pick(rng) == 0;
    Chain c;
    c.n = n;
    c.k = k;
    for (std::size_t t = 0; t < n; ++t)
      for (std::size_t s = 0; s < k; ++s) {
        int r = pick(rng);
        double e = r == 0   ? Chain::kBroken
                   : r == 1 ? -std::numeric_limits<double>::infinity()
                   : huge   ? small(rng) * 3002399751580330.0 + small(rng)  // 2^53 / 3: ulps of 1 to 8
                            : small(rng) * 0.5;
        if (fresh[t] && s / speakers != s % speakers) e -= Chain::kStart;
        c.emit.push_back(e);
      }
    for (std::size_t s = 0; s < k; ++s) c.label.push_back(static_cast<int>(s % speakers));
    std::vector<double> step(n * speakers * speakers), bonus(n);
    const double unit = huge ? 1.0 : 0.25;  // sums that round to the same score: ties
    for (auto& v : step) v = pick(rng) < 6 ? 0.0 : small(rng) * unit;
    for (auto& v : bonus) v = pick(rng) < 10 ? 0.0 : (1 + pick(rng) % 3) * unit;
    const int kk = static_cast<int>(speakers);
    auto step_of = [&](std::size_t t, int prev, int cur) {
      return step[(t * speakers + static_cast<std::size_t>(prev)) * speakers + static_cast<std::size_t>(cur)];
    };
    auto bonus_of = [&](std::size_t t) { return bonus[t]; };
    auto fresh_of = [&](std::size_t, int to) { return to / kk == to % kk ? 0.0 : Chain::kBroken; };
    auto full = [&](std::size_t t, int from, int to) {
      if (fresh[t]) return fresh_of(t, to);
      int before = from / kk, prev = from % kk, mid = to / kk, cur = to % kk;
      if (mid != prev) return Chain::kBroken;
      return step_of(t, prev, cur) + (before != prev && cur == before ? bonus_of(t) : 0.0);
    };
    c.trans = full;
    std::vector<int> want_states, got_states;
    std::vector<double> want_margins, got_margins;
    plain_viterbi(c, want_states, want_margins);
    c.pair_k = speakers;
    c.follows.assign(n, 0);
    for (std::size_t t = 0; t < n; ++t) c.follows[t] = !fresh[t];
    auto terms = pair_terms(full, step_of, bonus_of, fresh_of);
    Forward kept;
    best_path(c, terms, got_states, &kept);
    path_margins(c, terms, got_states, kept, got_margins);
    BOOST_TEST(got_states == want_states, n << " steps, " << speakers << " speakers, round " << round);
    BOOST_TEST(same(got_margins, want_margins), n << " steps, " << speakers << " speakers, round " << round);
    ++compared;
    // The same chain through the pair shortcut that asks `full`: the same again.
    std::vector<int> plain_states;
    std::vector<double> plain_margins;
    viterbi(c, plain_states, plain_margins);
    BOOST_TEST(plain_states == got_states);
    rounded += huge;
  }
  BOOST_TEST(compared == 400);
  BOOST_TEST(rounded > 100);
}

// The ties only rounding makes, set up by hand: two scores one unit apart below 2^53, the higher
// on the higher state, plus a term, round to the same sum; the plain loop takes the lower state,
// and so must the passes over PairTerms, at a step that follows on and at a fresh start.
BOOST_AUTO_TEST_CASE(pair_terms_break_ties_of_rounded_sums_as_the_plain_loop) {
  const double top = 9007199254740992.0;  // 2^53
  const double low = -1e30;
  const std::size_t speakers = 3, k = 9;
  for (bool fresh_start : {false, true}) {
    Chain c;
    c.n = 2;
    c.k = k;
    c.emit.assign(2 * k, low);
    std::size_t chosen;
    if (!fresh_start) {
      // (1, 0) and (2, 0) before (0, 0): (2^53 - 1) + 0.5 and 2^53 + 0.5 are both 2^53.
      c.emit[1 * speakers + 0] = top - 1;
      c.emit[2 * speakers + 0] = top;
      chosen = 0;
    } else {
      // (0, 1) and (1, 2) before (0, 2), from which any state starts afresh at kBroken:
      // (-2^53 + 1e6 - 1) - 1e6 and (-2^53 + 1e6) - 1e6 are both -2^53.
      c.emit[1] = -top + 1e6 - 1;
      c.emit[5] = -top + 1e6;
      chosen = 2;
    }
    c.emit[k + chosen] = 0;
    const std::vector<char> fresh = {1, static_cast<char>(fresh_start)};
    const int kk = static_cast<int>(speakers);
    auto step_of = [](std::size_t, int, int) { return 0.5; };
    auto bonus_of = [](std::size_t) { return 0.0; };
    auto fresh_of = [kk](std::size_t, int to) { return to / kk == to % kk ? 0.0 : Chain::kBroken; };
    auto full = [&](std::size_t t, int from, int to) {
      if (fresh[t]) return fresh_of(t, to);
      if (from % kk != to / kk) return Chain::kBroken;
      return step_of(t, from % kk, to % kk) + 0.0;
    };
    c.trans = full;
    std::vector<int> want_states, got_states;
    std::vector<double> want_margins, got_margins;
    plain_viterbi(c, want_states, want_margins);
    BOOST_TEST(want_states == (std::vector<int>{fresh_start ? 1 : 3, static_cast<int>(chosen)}));
    c.pair_k = speakers;
    c.follows = {0, static_cast<char>(!fresh_start)};
    auto terms = pair_terms(full, step_of, bonus_of, fresh_of);
    Forward kept;
    best_path(c, terms, got_states, &kept);
    path_margins(c, terms, got_states, kept, got_margins);
    BOOST_TEST(got_states == want_states, (fresh_start ? "fresh start" : "follows on"));
    BOOST_TEST(got_margins == want_margins, (fresh_start ? "fresh start" : "follows on"));
  }
}
