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
      c.pair_k = speakers;
      c.follows.assign(n, 0);
      for (std::size_t t = 0; t < n; ++t) c.follows[t] = !fresh[t];
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
  c.pair_k = speakers;
  c.follows.assign(n, 0);
  for (std::size_t t = 0; t < n; ++t) c.follows[t] = !fresh[t];
  std::vector<int> states;
  std::vector<double> margins;
  viterbi(c, states, margins);
  BOOST_TEST(asked > 0u);
  BOOST_TEST(asked_broken == 0u);
}
