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
