// The sequence model of an unlabelled dialogue: every spoken paragraph is a step, every
// participant a state; the best assignment of states to steps is found by Viterbi, with the
// max-marginals giving each step's margin (how much worse the best assignment that gives it to
// someone else is). Profiles of the participants (register, length, questions …) are
// re-estimated from the assignment, hard EM, across every dialogue of the document.
#pragma once

#include <array>
#include <functional>
#include <vector>

#include "speakers/features.hpp"

namespace jatei::speakers {

// A chain of n steps over k states: emission(t, s), and trans(t, from, to) for the step from
// t - 1 to t (t >= 1).
struct Chain {
  std::size_t n = 0, k = 0;
  // emit[t * k + s]; or, with emit_k set, one emission per speaker (emit[t * emit_k + label[s]])
  // shared by the states that stand for them, less kStart for a pair state (s / pair_k !=
  // s % pair_k) at a step whose start[t] is set: someone before the first (the table of every
  // state's emissions is never made: n * k doubles, with pairs k times a speaker's).
  std::vector<double> emit;
  std::size_t emit_k = 0;
  std::vector<char> start;
  static constexpr double kStart = 1e6;
  double emission(std::size_t t, std::size_t s) const {
    if (emit_k == 0) return emit[t * k + s];
    bool fresh = !start.empty() && start[t] && pair_k > 0 && s / pair_k != s % pair_k;
    return emit[t * emit_k + static_cast<std::size_t>(label[s])] - (fresh ? kStart : 0);
  }
  std::function<double(std::size_t t, int from, int to)> trans;
  // What each state stands for (several states may stand for one speaker); empty: itself. The
  // margin is taken between what the best state stands for and everything else.
  std::vector<int> label;
  // Pair states (s = previous speaker * pair_k + speaker): when pair_k is set, trans(t, from, to)
  // is kBroken wherever to's previous speaker is not from's speaker, at every step t whose
  // follows[t] is set (not a fresh start), and viterbi adds kBroken there without asking trans:
  // the same sums, a pair_k-th of the calls.
  std::size_t pair_k = 0;
  std::vector<char> follows;
  static constexpr double kBroken = -1e6;
};

// The best path (states[t]) and each step's margin. On ties a state keeps going and the lower
// state wins. Memory: the back pointers (n * k, a byte each up to 256 states) and a few rows;
// the forward scores the margins need are made again a stretch at a time from rows kept at
// every stretch's first step (the same sums in the same order: the same numbers), what trans
// gives there kept for the backward scores of the stretch, which ask the same.
void viterbi(const Chain& c, std::vector<int>& states, std::vector<double>& margins);

// viterbi() in two halves, for a caller that needs the margins of only its last path: the best
// path (and, in `kept`, the forward scores of every stretch's first step), then the margins of
// that path over the same chain.
struct Forward {
  std::size_t every = 0;      // steps a stretch
  std::vector<double> rows;   // the forward scores of steps 0, every, 2 * every …, k each
  static std::size_t stretch(const Chain& c);
};
void best_path(const Chain& c, std::vector<int>& states, Forward* kept = nullptr);
void path_margins(const Chain& c, const std::vector<int>& states, const Forward& kept, std::vector<double>& margins);

constexpr int kProfile = 8;
using Profile = std::array<double, kProfile>;
// log2 length, polite, casual, question, react or answer, move, marker, first person.
Profile profile_of(const Features& f);

// The weights of [profile] (speakers.weights).
struct ProfileWeights {
  Profile w{};
  double scale = 0, cap = 0, min_var = 0;
};

// Emissions from the profiles of an assignment: for each step and state, how much more the step
// looks like that state's steps than like the others' (a linear discriminant, one state against
// the rest, clipped to ±cap). Empty when a state has no step.
std::vector<double> profile_emissions(const std::vector<Profile>& x, const std::vector<int>& states, std::size_t k,
                                      const ProfileWeights& pw);

}  // namespace jatei::speakers
