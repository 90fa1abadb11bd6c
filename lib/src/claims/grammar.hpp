// What the rules of grammar.cpp, quotative.cpp and arguments.cpp share (internal to the claims
// stage): the predicate under analysis with the hits it adds, and the lexicon look-ups by
// category that the rules make on its words.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "claims/sentence.hpp"

namespace jatei::claims::grammar {

struct Ctx {
  const Sent& s;
  const Predicate& p;
  const Lexicon& lex;
  std::vector<RawHit>& hits;

  // An entry of a category for a lemma, unless its class is none.
  const Cue* cat(std::string_view kind, std::string_view lemma) const {
    const Cue* c = lex.word(kind, lemma);
    return c && c->cls != "none" ? c : nullptr;
  }
  bool in(std::string_view kind, std::string_view lemma) const { return lex.word(kind, lemma) != nullptr; }

  // The end of the predicate without its sentence-final particles.
  std::size_t head_end() const {
    const Chunk& h = p.chunks[p.head];
    std::size_t k = h.last;
    while (k > h.content_end) {
      const Morph& m = p.morphs[k - 1];
      if (m.pos == Pos::particle && (m.pos1 == "終助詞" || m.surface == "か" || m.surface == "って")) --k;
      else break;
    }
    return p.morphs[k - 1].end;
  }
  std::size_t head_begin() const { return p.chunk_begin(p.head); }
  // Where the quotative particle starts (or the bracket before it).
  std::size_t quote_begin() const;

  void hit(Category cat, double strength, std::size_t b, std::size_t e, std::string kind, std::string note) {
    RawHit h;
    h.b = b;
    h.e = std::max(e, b);
    h.cat = cat;
    h.strength = strength;
    h.kind = std::move(kind);
    h.expression = std::string(s.n.substr(h.b, h.e - h.b));
    h.governs = true;
    h.grammar = true;
    h.at_end = true;
    h.note = std::move(note);
    hits.push_back(std::move(h));
  }
  void hit_from(const Cue* c, Category fallback, double strength, std::size_t b, std::size_t e, std::string kind,
                std::string note) {
    Category cls = fallback;
    if (c) {
      if (auto x = category_from(c->cls)) cls = *x;
      strength = c->strength;
    }
    hit(cls, strength, b, e, std::move(kind), std::move(note));
  }
};

// An epistemic noun, or a compound that starts with one (可能性大).
const Cue* epistemic_noun(const Ctx& c, const std::string& lemma);
// A noun's entry in a category, as written or without an honorific prefix (お話 → 話).
const Cue* noun_entry(const Ctx& c, std::string_view kind, const std::string& lemma);
// A noun that names people: 人, 方, 者, a role noun of `agent` (専門家), or a compound that
// ends in a noun of people (`person`: 利用者, 来場客, 会社員).
bool person_noun(const Ctx& c, const Chunk& ch);
// A manner idiom: the verb alone (意気込む) or its object and the verb (胸を張る).
const Cue* manner_of(const Ctx& c);
// The predicate's entry in a category: its own lemma, or with the noun and particle before it
// (耳にする, 口にする), or by the verbs of a compound.
const Cue* verb_entry(const Ctx& c, std::string_view kind);
// An adjective or an adjectival noun that judges (うれしい, 良心的, 大切), not one of measure,
// state or likelihood (多い, 可能: the `measure` category). word: its chunk's lemma.
bool judging_word(const Ctx& c, const Morph& m, std::string_view word);
// After a noun these name or go with someone: MICと書く, 友人と話す, Xと呼ぶ.
bool conversation_verb(std::string_view lemma);
// The quotative particle of the quotation chunk (its index in p.morphs; the chunk's end when
// it has none): the first of と, って, という, とか, など(と), として…, not a conditional と that
// another follows (歩くといいと思う: the quotation is 歩くといい). tteiu: っていう is one too.
std::size_t quote_particle_at(const Predicate& p, bool tteiu = true);
// The morph before the quotative particle of the quotation chunk.
const Morph* before_quote(const Predicate& p);

inline std::size_t Ctx::quote_begin() const {
  std::size_t k = quote_particle_at(p);
  return k < p.chunks[p.quote].last ? p.morphs[k].begin : p.chunk_begin(p.quote);
}

// The sentence opens with a person or a body as its topic (専門家は、同社も、県警は) before
// offset qb: someone other than the speaker (quotative.cpp).
bool third_person_topic(const Ctx& c, std::size_t qb);

// The predicate with a quotative complement (と, って, とか, などと), quotative.cpp: true when
// the quotation decided (with or without a hit), so that its arguments are not read.
bool quotative(Ctx& c);
// What the predicate's arguments decide (arguments.cpp): its subject, object or complement
// (hearsay nouns, epistemic nouns, views stated), a noun predicate, a verb of saying without a
// quotative particle.
void arguments(Ctx& c);

}  // namespace jatei::claims::grammar
