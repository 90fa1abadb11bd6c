// What the final predicate decides (sentence.hpp: grammar_hits). Each rule reads the predicate
// analysis (predicate.hpp) and the categories of the lexicon (categories.tsv); none names a
// string of an article.
#include <algorithm>

#include "claims/sentence.hpp"
#include "claims/source.hpp"
#include "jatei/text.hpp"

namespace jatei::claims {

using namespace text;

namespace {

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
  std::size_t quote_begin() const {
    const Chunk& q = p.chunks[p.quote];
    for (std::size_t k = q.content_end; k < q.last; ++k) {
      std::string_view w = p.morphs[k].surface;
      if (w == "と" || w == "って" || w == "という" || w == "といった" || w == "とか" || w == "など" || w == "っていう" ||
          w == "として")
        return p.morphs[k].begin;
    }
    return p.chunk_begin(p.quote);
  }

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
const Cue* epistemic_noun(const Ctx& c, const std::string& lemma) {
  if (const Cue* e = c.cat("epistemic", lemma)) return e;
  if (lemma.starts_with("お") || lemma.starts_with("ご")) {
    // MeCab reads おそれ as お + それ: the prefix is part of the word here.
  }
  for (auto* e : c.lex.of_kind("epistemic"))
    if (e->cls != "none" && lemma.size() > e->expression.size() && lemma.starts_with(e->expression)) return e;
  return nullptr;
}

// A noun's entry in a category, as written or without an honorific prefix (お話 → 話).
const Cue* noun_entry(const Ctx& c, std::string_view kind, const std::string& lemma) {
  if (const Cue* e = c.cat(kind, lemma)) return e;
  for (std::string_view pre : {"お", "ご", "御"})
    if (lemma.size() > pre.size() && std::string_view(lemma).starts_with(pre))
      if (const Cue* e = c.cat(kind, std::string_view(lemma).substr(pre.size()))) return e;
  return nullptr;
}

// A manner idiom: the verb alone (意気込む) or its object and the verb (胸を張る).
const Cue* manner_of(const Ctx& c) {
  const Chunk& h = c.p.chunks[c.p.head];
  if (const Cue* m = c.cat("manner", h.lemma)) return m;
  if (c.p.head > 0) {
    const Chunk& o = c.p.chunks[c.p.head - 1];
    if (o.particle == "を") {
      std::string idiom = o.lemma + "を" + h.lemma;
      if (const Cue* m = c.cat("manner", idiom)) return m;
    }
  }
  return nullptr;
}

// A compound verb's entry by one of its verbs (繰り返し+述べる → 述べる, 言い+切る → 言う): the
// last verb carries the meaning; the first one does for a verb of saying (言い切る, 語り始める),
// unless the second makes it a conversation (話し合う, 言い合う).
const Cue* compound_entry(const Ctx& c, const Chunk& h, std::string_view kind) {
  if (h.kind != Chunk::Kind::verb) return nullptr;
  std::vector<const Morph*> verbs;
  for (std::size_t k = h.first; k < h.content_end; ++k)
    if (c.p.morphs[k].pos == Pos::verb) verbs.push_back(&c.p.morphs[k]);
  if (verbs.size() < 2) return nullptr;
  if (const Cue* e = c.lex.word(kind, verbs.back()->base)) return e;
  if (kind == "speech" && verbs.back()->base != "合う" && verbs.back()->base != "合える")
    if (const Cue* e = c.lex.word(kind, verbs.front()->base)) return e;
  return nullptr;
}

// The predicate's entry in a category: its own lemma, or with the noun and particle before it
// (耳にする, 口にする), or by the verbs of a compound.
const Cue* verb_entry(const Ctx& c, std::string_view kind) {
  const Chunk& h = c.p.chunks[c.p.head];
  if (const Cue* e = c.lex.word(kind, h.lemma)) return e;
  if (const Cue* e = compound_entry(c, h, kind)) return e;
  if (c.p.head > 0) {
    const Chunk& prev = c.p.chunks[c.p.head - 1];
    if ((prev.particle == "に" || prev.particle == "を") && prev.kind == Chunk::Kind::noun &&
        prev.tail == prev.particle) {
      std::string compound = prev.lemma + prev.particle + h.lemma;
      if (const Cue* e = c.lex.word(kind, compound)) return e;
    }
  }
  return nullptr;
}

bool conversation_verb(std::string_view lemma) {
  // After a noun these name or go with someone: MICと書く, 友人と話す, Xと呼ぶ.
  return lemma == "話す" || lemma == "言う" || lemma == "いう" || lemma == "語る" || lemma == "話し合う" ||
         lemma == "語り合う" || lemma == "書く" || lemma == "呼ぶ" || lemma == "読む";
}

// The morph before the quotative particle of the quotation chunk.
const Morph* before_quote(const Predicate& p) {
  const Chunk& q = p.chunks[p.quote];
  for (std::size_t k = q.content_end; k < q.last; ++k) {
    std::string_view s = p.morphs[k].surface;
    if (s == "と" || s == "って" || s == "という" || s == "といった" || s == "とか" || s == "など" || s == "として")
      return k > 0 ? &p.morphs[k - 1] : nullptr;
  }
  return nullptr;
}

// Questions, requests, proposals, wishes: what the predicate does rather than says. True when
// one of them decided.
bool questions(Ctx& c, bool wh) {
  const Predicate& p = c.p;
  std::size_t hb = c.head_begin(), he = p.morphs[p.chunks[p.head].last - 1].end;
  if (const ModalMark* nq = p.mark(Modal::negation_question)) {
    // のではないか / んじゃないかな: a hedge; じゃないですか asks
    bool nominal = false;
    for (const Morph& m : p.morphs)
      if ((m.surface == "の" || m.surface == "ん") && m.pos == Pos::noun && m.begin < nq->begin) nominal = true;
    if (p.polite && !p.has(Modal::conjecture)) c.hit(Category::question, 0.9, hb, he, "", "…ないですか: asks");
    else if (nominal) c.hit(Category::speculation, 0.8, hb, he, "", "のではないか: isn't it the case that (a hedge)");
    else c.hit(Category::opinion, 0.6, hb, he, "", "…じゃないか: asks for agreement");
    return true;
  }
  if (p.has(Modal::question)) {
    if (p.has(Modal::volitional)) {
      if (wh) c.hit(Category::question, 0.8, hb, he, "", "a question word with a volitional + か: asks what to do");
      else c.hit(Category::other, 0.6, hb, he, "request", "a volitional + か: an offer or a proposal");
      return true;
    }
    if (p.has(Modal::conjecture)) {
      c.hit(Category::question, 0.9, hb, he, "", "でしょうか/だろうか: asks");
      return true;
    }
    if (p.honorific_request) {
      c.hit(Category::question, 0.8, hb, he, "", "ていただけますか: a request for information");
      return true;
    }
    bool nominal_ka = false;
    const Chunk& h = p.chunks[p.head];
    // …ようなものか。, 負けるものか。, どれほど嬉しいことか。: a realisation, a refusal, an
    // exclamation; ものか/ことか ask nothing
    bool mono_ka = (h.tail.ends_with("ものか") || h.tail.ends_with("ことか")) && !p.polite && !c.s.qmark;
    if (mono_ka) {
      c.hit(Category::opinion, 0.6, hb, he, "", "ものか/ことか: a rhetorical refusal, an exclamation or a likening");
      return true;
    }
    if (h.kind == Chunk::Kind::noun && h.tail == "か" && !wh && !p.polite && !c.s.qmark && p.finals == "か") {
      c.hit(Category::other, 0.6, hb, he, "realisation", "a plain noun + か without ？: a realisation, not a question");
      return true;
    }
    for (std::size_t k = h.content_end; k + 1 < h.last; ++k)
      if (p.morphs[k].surface == "の" && p.morphs[k + 1].surface == "か") nominal_ka = true;
    std::size_t tb = h.content_end < h.last ? p.morphs[h.content_end].begin : hb;
    if (nominal_ka && !wh && !p.polite)
      c.hit(Category::question, 0.6, tb, he, "", "のか: a question (or a realisation, decided with ？)");
    else c.hit(Category::question, 0.9, tb, he, "", "final か: asks");
    return true;
  }
  // 始めようかな。: a volitional the speaker muses over is an intention (どこから始めようかな
  // with a question word still asks)
  if (p.has(Modal::wonder) && p.has(Modal::volitional) && !wh && !c.s.qmark) {
    c.hit(Category::other, 0.6, hb, he, "intention", "a volitional + かな: an intention mused over");
    return true;
  }
  if (const ModalMark* w = p.mark(Modal::wonder)) {
    if (c.s.n.substr(w->begin, w->end - w->begin) == "かしら" || wh || c.s.qmark)
      c.hit(Category::question, 0.8, hb, he, "", "かな/かしら: wonders, asks");
    else c.hit(Category::speculation, 0.5, w->begin, w->end, "", "かな without a question word: a guess");
    return true;
  }
  if (p.has(Modal::agreement)) {
    c.hit(Category::opinion, 0.6, hb, he, "agreement", "でしょ: asks for agreement");
    return true;
  }
  // 信じてもらえない: a benefactive in the negative states what others do not do (ていただけ
  // ませんか, with か, still asks)
  if (p.has(Modal::request) && !(p.negative && !p.has(Modal::question))) {
    // A request to tell (教えてください, お聞かせください, お示しください) asks for information:
    // a question when it names what to tell; in a turn that asks, whatever it names.
    const Chunk& h = p.chunks[p.head];
    bool telling = c.in("telling", h.lemma) && (h.lemma != "聞く" || p.causative);
    if (!telling && h.kind == Chunk::Kind::noun && c.in("telling", h.lemma + "する")) telling = true;  // ご説明ください
    // お答えください, お話しください: お/ご + a stem, which ipadic reads as one noun
    if (!telling && h.kind == Chunk::Kind::noun)
      for (std::string_view pre : {"お", "ご", "御"})
        if (h.lemma.size() > pre.size() && std::string_view(h.lemma).starts_with(pre)) {
          std::string stem(std::string_view(h.lemma).substr(pre.size()));
          if (c.in("telling", stem + "る") || c.in("telling", stem + "する") ||
              (stem.ends_with("し") && c.in("telling", stem.substr(0, stem.size() - 3) + "す")))
            telling = true;
        }
    if (telling && (p.object >= 0 || wh))
      c.hit(Category::question, 0.7, hb, he, "telling", "a request to tell something: asks for information");
    else c.hit(Category::other, 0.6, hb, he, telling ? "telling" : "request", "てください: a request or an instruction");
    return true;
  }
  // 答弁を求めます, 説明を求めたい: asking for an answer, said as what the speaker does now
  if (p.chunks[p.head].lemma == "求める" && p.object >= 0 && !p.past && !p.negative && !p.passive && p.quote < 0) {
    const std::string& o = p.chunks[p.object].lemma;
    if (c.in("answer", o)) {
      c.hit(Category::question, 0.7, hb, he, "telling", "asks for an answer (" + o + "を求める)");
      return true;
    }
  }
  // 市長の考えを伺います: asking, said as what the speaker does now
  if (c.in("ask", p.chunks[p.head].lemma) && p.object >= 0 && !p.past && !p.negative && p.quote < 0 &&
      !p.has(Modal::conjecture)) {
    c.hit(Category::question, 0.7, hb, he, "telling", "a verb of asking in the present: asks");
    return true;
  }
  if (p.has(Modal::volitional) && !p.has(Modal::conjecture)) {
    c.hit(Category::other, 0.6, hb, he, "request", "volitional: a proposal or an intention");
    return true;
  }
  if (p.has(Modal::obligation)) {
    c.hit(Category::other, 0.7, hb, he, "intention", "…ないと: an obligation the speaker sets");
    return true;
  }
  if (p.has(Modal::wish) && p.quote < 0) {
    c.hit(Category::other, 0.7, hb, he, "intention", "たい/てほしい: a wish");
    return true;
  }
  return false;
}

// The predicate with a quotative complement (と, って, とか, などと).
// The sentence opens with a person or a body as its topic (専門家は、アナリストの田中氏は、同社
// も、県警は), before the quotation at qb: someone other than the speaker whose words or views the
// sentence reports. Role nouns and name suffixes are the lexicon's `agent` category.
bool third_person_topic(const Ctx& c, std::size_t qb) {
  std::string_view n = c.s.n;
  if (auto src = find_source(n, c.s.body, c.lex); src && src->why == "the topic of the sentence" && src->end < qb &&
                                                     src->element == "orgName")
    return true;
  // The first topic of the sentence (…のアナリストは、), before the quotation: its noun ends
  // with a role noun or a name suffix.
  std::size_t t = n.find("は、", c.s.body);
  if (t == std::string_view::npos || t >= qb || length(n.substr(c.s.body, t - c.s.body)) > 24) return false;
  std::string_view upto = n.substr(c.s.body, t - c.s.body);
  if (upto.find("、") != std::string_view::npos) return false;
  for (auto* a : c.lex.of_kind("agent"))
    if (upto.ends_with(a->expression)) return true;
  return false;
}

bool quotative(Ctx& c) {
  const Predicate& p = c.p;
  if (p.quote < 0) return false;
  const Chunk& h = p.chunks[p.head];
  const std::string& L = h.lemma;
  std::size_t qb = c.quote_begin(), he = c.head_end();
  const Morph* bq = before_quote(p);
  const Chunk& q = p.chunks[p.quote];
  if (p.quote_attributive) return false;
  // 県警は、…とみて調べている: a body's view, in the て-form before what it does about it
  if (p.quote + 1 < p.head && !p.negative) {
    const Chunk& v = p.chunks[p.quote + 1];
    if (v.kind == Chunk::Kind::verb && (v.tail == "て" || v.tail == "で") && c.in("thinking", v.lemma) &&
        third_person_topic(c, qb)) {
      c.hit(Category::reported, 0.8, qb, he, "speech", "a named body's view (と" + v.lemma + "て …): reported");
      return true;
    }
  }
  // Naming: 「…」と呼ぶ, Xと名付ける
  if (L == "呼ぶ" || L == "名付ける" || L == "称する" || L == "名乗る") return true;
  // とは限らない: not necessarily
  if (L == "限る" && p.negative) {
    c.hit(Category::speculation, 0.8, qb, he, "", "とは限らない: not necessarily");
    return true;
  }
  // A conditional と (すると) or a noun + として is no quotation, unless a verb of saying,
  // thinking or hearing takes it.
  bool conditional = false;
  for (std::size_t k = q.content_end; k < q.last; ++k)
    if (p.morphs[k].surface == "と" && p.morphs[k].pos1 == "接続助詞") conditional = true;
  // として is a quotation only after a predicate (おそれがあるとして), not after a noun or a
  // bracket (「迷惑メッセージ」として: as).
  if (q.quote_particle == "として" && (p.quote_after_noun || p.quote_after_bracket || !bq ||
                                     !(bq->pos == Pos::verb || bq->pos == Pos::adjective || bq->pos == Pos::auxiliary)))
    return false;
  if (const Cue* t = c.lex.word("thinking", L)) {
    if (p.quote_after_wish && bq && bq->surface == "ば") {
      c.hit(Category::other, 0.8, qb, he, "request", "…ばと思います: a polite request, not a hedge");
      return true;
    }
    if (p.quote_after_wish && bq && bq->base == "ほしい") {
      c.hit(Category::opinion, 0.8, qb, he, "", "てほしいと思う: a wish about others, an opinion");
      return true;
    }
    if (p.quote_after_volitional || p.quote_after_wish) {
      c.hit(Category::other, 0.8, qb, he, "intention", "a volitional or たい before と思う: an intention");
      return true;
    }
    if (t->cls == "none") return false;
    // What is thought is an evaluation: an opinion.
    bool evaluation = c.in("evaluation", q.lemma) || (bq && c.in("evaluation", bq->base)) ||
                      (p.quote > 0 && p.chunks[p.quote - 1].kind == Chunk::Kind::adjective &&
                       p.chunks[p.quote - 1].tail.empty() && c.in("evaluation", p.chunks[p.quote - 1].lemma)) ||
                      // 必要があると思う, 意味がないと思う
                      (p.quote > 0 && (q.lemma == "ある" || q.lemma == "ない") &&
                       c.in("evaluation", p.chunks[p.quote - 1].lemma));
    // …てもいい / なくていい: a permission, not an evaluation (なくていいと思う hedges advice)
    if (evaluation && bq && (bq->base == "いい" || bq->base == "よい" || bq->base == "良い") && &*bq > &p.morphs.front()) {
      const Morph& pm = *(bq - 1);
      if (pm.pos == Pos::particle && (pm.surface == "て" || pm.surface == "で" || pm.surface == "も")) evaluation = false;
    }
    if (!p.passive && !p.negative && evaluation) {
      c.hit(Category::opinion, 0.8, qb, he, "", "a verb of thinking over an evaluation (" + q.lemma + ")");
      return true;
    }
    if (p.passive) {
      c.hit(Category::speculation, 0.9, qb, he, "", "と" + L + " in the passive: an impersonal view");
      return true;
    }
    if (p.quote_after_bracket && !p.past) {
      c.hit(Category::reported, 0.8, qb, he, "", "「…」と" + L + ": a quoted view");
      return true;
    }
    // 専門家は、…とみている: the view of someone the sentence opens with, told in the plain
    // form, is reported (the speaker's own view is polite or has no such topic).
    if (!p.polite && (p.progressive || p.past) && !p.experience && third_person_topic(c, qb)) {
      c.hit(Category::reported, 0.8, qb, he, "speech", "a named person's or body's view (と" + L + "): reported");
      return true;
    }
    if (p.past && !p.experience) return true;  // a narrated past thought: told as a fact
    if (p.negative) {
      c.hit(Category::opinion, 0.6, qb, he, "", "とは思わない: an evaluation");
      return true;
    }
    c.hit_from(t, Category::speculation, 0.8, qb, he, "think", "a verb of thinking: the speaker's own view");
    return true;
  }
  if (const Cue* e = c.lex.word("estimate", L)) {
    if (e->cls == "none") return false;
    bool someone = p.quote_after_bracket || (p.subject >= 0 && p.subject > p.quote) ||
                   (!p.polite && !p.passive && third_person_topic(c, qb));
    if (p.passive) c.hit(Category::speculation, 0.85, qb, he, "", "と" + L + " in the passive: an estimate");
    else if (someone) c.hit(Category::reported, 0.8, qb, he, "speech", "someone's estimate: " + L);
    else if (e->cls == "reported" && (p.past || p.progressive) && !p.polite)  // (試算しております: the speaker's own)
      c.hit(Category::reported, e->strength, qb, he, "speech", "a source's figure: " + L);
    else c.hit(Category::speculation, e->strength, qb, he, "", "a verb of estimating: the speaker's own estimate");
    return true;
  }
  const Cue* speech = verb_entry(c, "speech");
  const Cue* denial = c.cat("denial", L);
  // ないとは言えない: cannot say it is not (a hedge)
  if ((L == "言える" || L == "いえる" || L == "言う") && p.negative && p.potential && bq && bq->base == "ない") {
    c.hit(Category::speculation, 0.8, qb, he, "", "ないとは言えない: cannot be ruled out");
    return true;
  }
  if (speech && p.has(Modal::wish)) {
    c.hit(Category::other, 0.7, qb, he, "intention", "言いたい: a wish to say, not a report");
    return true;
  }
  if (speech || denial) {
    if (speech && speech->cls == "none") return true;  // 話し合う: a conversation
    // 友人と話した, 誰かと話していた
    // (必要と書かれている: a na-adjective before と is what is written, not a name)
    bool adjectival = bq && (bq->pos1 == "形容動詞語幹" || bq->pos1 == "ナイ形容詞語幹");
    bool partner = (p.quote_after_noun && !adjectival) ||
                   (bq && bq->surface == "か" && bq > &p.morphs.front() && (bq - 1)->pos1 == "代名詞");
    if (partner && !p.quote_after_bracket && conversation_verb(L)) return false;
    if (p.passive && speech) {
      c.hit(Category::reported, 0.75, qb, he, "", "と" + L + " in the passive: what is said");
      return true;
    }
    c.hit_from(speech ? speech : denial, Category::reported, 0.85, qb, he, "speech", "a verb of saying after a quotation");
    return true;
  }
  if (const Cue* m = manner_of(c)) {
    c.hit_from(m, Category::reported, 0.85, qb, he, "", "a manner of saying after a quotation");
    return true;
  }
  if (const Cue* hv = verb_entry(c, "hearing"); hv && hv->cls != "none") {
    c.hit_from(hv, Category::reported, 0.8, qb, he, "", "a verb of hearing with a quotation: hearsay");
    return true;
  }
  // …避けられないだろうと覚悟している, …のではないかと危惧する: the quotation carries its own
  // hedge and the verb is the speaker's attitude to it (not saying, not a past thought).
  if (h.kind == Chunk::Kind::verb && !p.past && !p.passive && L != "する" && L != "なる") {
    const std::string& qt = q.tail;
    if (qt.find("だろう") != std::string::npos || qt.find("でしょう") != std::string::npos ||
        qt.find("かもしれない") != std::string::npos || qt.find("ではないか") != std::string::npos ||
        qt.find("じゃないか") != std::string::npos || qt.find("のではないか") != std::string::npos) {
      c.hit(Category::speculation, 0.7, qb, he, "", "a hedged quotation under " + L + ": the speaker's guess");
      return true;
    }
  }
  if (conditional) return false;
  if (L == "する" || L == "なす") {
    if (p.quote_after_volitional) return true;  // しようとしている: about to
    bool nominal = bq && (bq->pos == Pos::noun);
    if (p.passive) {
      bool figure = bq && (bq->pos1 == "数" || (bq->pos1 == "接尾" && &*bq > &p.morphs.front() && (bq - 1)->pos1 == "数"));
      if (nominal && figure) {
        c.hit(Category::reported, 0.6, qb, he, "", "a figure + とされる: a received estimate");
        return true;
      }
      // A rule defines with a rule noun (対象, 任意, 予約制) or a formal noun (…ものとされる,
      // …こととされる, 65歳以上の方とされる); after any other noun とされる is a received view
      // (原因は部品の劣化とされている: reported).
      if (nominal) {
        bool rule = bq->pos1 == "非自立" || bq->base == "方" || bq->base == "者";
        std::size_t qpos = bq->end;
        for (auto* r : c.lex.of_kind("rulenoun"))
          if (qpos >= r->expression.size() && c.s.n.substr(qpos - r->expression.size(), r->expression.size()) == r->expression)
            rule = true;
        if (rule) c.hit(Category::fact, 0.8, qb, he, "rule", "a rule noun + とされる: states a rule");
        else c.hit(Category::reported, 0.6, qb, he, "", "a noun + とされる: a received view");
        return true;
      }
      if (bq && bq->pos == Pos::auxiliary && bq->base == "た") {
        c.hit(Category::speculation, 0.8, qb, he, "", "a past event + とされる: an unverified allegation");
        return true;
      }
      c.hit(Category::reported, 0.6, qb, he, "", "とされる: a received view");
      return true;
    }
    if (nominal && !p.quote_after_bracket) return false;  // 中止とした: decided
    c.hit(Category::reported, 0.75, qb, he, "", "としている: the source's position");
    return true;
  }
  // なる after an epistemic noun: 見通しとなった
  if (L == "なる") {
    if (const Cue* e = epistemic_noun(c, q.lemma)) {
      c.hit_from(e, Category::speculation, 0.7, p.chunk_begin(p.quote), he, "", q.lemma + "となった: projected");
      return true;
    }
  }
  // 投稿には「…」とあった: what a text says (「A」と「B」がある lists two things: ある takes a
  // subject there, not the quotation).
  if (L == "ある" && p.quote_after_bracket && p.quote == p.head - 1 && !p.negative) {
    c.hit(Category::reported, 0.8, qb, he, "", "「…」とある: what a text says");
    return true;
  }
  if (p.quote_after_bracket && h.kind == Chunk::Kind::verb && L != "なる" && L != "ある" && L != "いう" && L != "言う") {
    c.hit(Category::reported, 0.8, qb, he, "", "a quotation 「…」 followed by と and a verb");
    return true;
  }
  return false;
}

// A quotation the verb of saying points back at: こう/そう/次のように (pointer) before it.
bool points_at_quote(const Ctx& c) {
  for (int k = 0; k < c.p.head; ++k) {
    const Chunk& ch = c.p.chunks[k];
    if (c.in("pointer", ch.lemma) && (ch.kind == Chunk::Kind::adverb || ch.tail.empty())) return true;
    if (c.in("pointer", ch.lemma + ch.tail)) return true;
  }
  return false;
}

// A study or a document named as where something was found, before the predicate: ある研究では,
// 本書では, 県の調査で (source category).
bool source_topic(const Ctx& c, std::size_t upto) {
  std::string_view before_p = c.s.n.substr(c.s.body, upto > c.s.body ? upto - c.s.body : 0);
  for (auto* e : c.lex.of_kind("source")) {
    for (std::string_view after : {"では", "で、", "で,", "からは", "から、"}) {
      std::string key = e->expression + std::string(after);
      std::size_t at = before_p.find(key);
      if (at != std::string_view::npos && !c.s.in_quote(c.s.body + at)) return true;
    }
  }
  return false;
}

// The predicate finds something out (分かった, 判明した, 明らかになった, 示されている): finding
// category; 示す, 確認する, 裏付ける in the passive only.
bool finding(const Ctx& c) {
  const Predicate& p = c.p;
  const Chunk& h = p.chunks[p.head];
  if (const Cue* f = c.lex.word("finding", h.lemma)) return f->cls == "none" ? p.passive : true;
  if (h.lemma == "なる" && p.head > 0) {
    const Chunk& prev = p.chunks[p.head - 1];
    if (prev.tail == "に" && c.lex.word("finding", prev.lemma + "になる")) return true;
  }
  return false;
}

// A subject that names who acts (山本さんは, 担当者が), not a place or a topic (マニュアルにも).
bool named_subject(const Predicate& p) {
  if (p.subject < 0) return false;
  const std::string& t = p.chunks[p.subject].tail;
  for (std::string_view x : {"には", "では", "にも", "でも", "へは", "とは"})
    if (t.ends_with(x)) return false;
  return true;
}

// A quotation before the window, cut from it by a comma: …したと、社長は話す.
bool quote_before_window(const Ctx& c) {
  std::string_view before_w = c.s.n.substr(0, c.p.begin);
  for (std::string_view comma : {"、", ","})
    if (before_w.ends_with(comma)) {
      before_w.remove_suffix(comma.size());
      if (!before_w.ends_with("と")) return false;
      before_w.remove_suffix(std::string_view("と").size());
      char32_t b = text::before(before_w, before_w.size());
      // a plain past or copula, or a closing bracket (a dictionary form + と is a condition)
      return b == U'た' || b == U'だ' || b == U'」' || b == U'』';
    }
  return false;
}

// A cleft whose clause quotes: 「…」と笑うのは、創業者の斉藤さんだ (1), or points at the words
// around it: そう語るのは、創業者の斉藤さんだ (2). 0 when it is neither.
int quoting_cleft(const Ctx& c) {
  std::string_view before_w = c.s.n.substr(0, c.p.begin);
  for (std::string_view comma : {"、", ","})
    if (before_w.ends_with(comma)) before_w.remove_suffix(comma.size());
  if (!before_w.ends_with("のは")) return 0;
  before_w.remove_suffix(std::string_view("のは").size());
  auto short_verb = [](std::string_view v) {
    return !v.empty() && text::length(v) <= 8 && v.find("、") == std::string_view::npos;
  };
  std::size_t q = before_w.rfind("」と");
  if (q != std::string_view::npos && short_verb(before_w.substr(q + std::string_view("」と").size()))) return 1;
  std::string_view clause = before_w.substr(c.s.body < before_w.size() ? c.s.body : before_w.size());
  for (auto* e : c.lex.of_kind("pointer"))
    if (clause.starts_with(e->expression) && short_verb(clause.substr(e->expression.size()))) {
      std::vector<Morph> ms;
      analyse_morphs(clause.substr(e->expression.size()), ms);
      if (!ms.empty() && ms.front().pos == Pos::verb && c.lex.word("speech", ms.front().base)) return 2;
    }
  return 0;
}

void arguments(Ctx& c) {
  const Predicate& p = c.p;
  const Chunk& h = p.chunks[p.head];
  const std::string& L = h.lemma;
  std::size_t hb = c.head_begin(), he = c.head_end();
  // …と話す人もいる, …と考える専門家が多い, …という声もある: people or voices who say it, as
  // the subject of a verb of being or spreading; the quotation fills their verb of saying or
  // thinking, or という names them (a person, a voice: not 「…」という名前の店がある).
  if ((h.kind == Chunk::Kind::verb || h.kind == Chunk::Kind::adjective) && !p.negative && p.subject >= 1 &&
      (L == "いる" || L == "おる" || c.in("spread", L))) {
    const Chunk& sj = p.chunks[p.subject];
    const Chunk& rel = p.chunks[p.subject - 1];
    bool says = p.subject >= 2 && rel.kind == Chunk::Kind::verb && rel.tail.empty() &&
                p.chunks[p.subject - 2].quotative && (c.in("speech", rel.lemma) || c.in("thinking", rel.lemma));
    bool named = rel.quotative && (rel.quote_particle == "という" || rel.quote_particle == "っていう") &&
                 (sj.lemma == "人" || sj.lemma == "方" || sj.lemma == "者" || c.in("agent", sj.lemma) ||
                  noun_entry(c, "voice", sj.lemma) || noun_entry(c, "rumour", sj.lemma));
    if (sj.kind == Chunk::Kind::noun && (says || named)) {
      c.hit(Category::reported, 0.75, p.chunk_begin(p.subject - (says ? 2 : 1)), he, "",
            "people or voices who say it (…と" + (says ? rel.lemma : std::string("いう")) + sj.lemma + "も" + L + ")");
      return;
    }
  }
  // A noun predicate: an epistemic noun (見通しだ), a hearsay noun after という (という話だ).
  if (h.kind == Chunk::Kind::noun) {
    // …というのが著者の主張だ, …というのが大方の見方だ: the quotation is the subject of a noun
    // of saying or of a view
    if (p.subject >= 0 && p.subject < p.head && !p.negative) {
      const std::string& st = p.chunks[p.subject].tail;
      bool quoted = st.ends_with("というのが") || st.ends_with("というのは") || st.ends_with("っていうのが") ||
                    st.ends_with("とするのが");
      if (quoted && (noun_entry(c, "voice", L) || noun_entry(c, "rumour", L) || noun_entry(c, "stance", L))) {
        c.hit(Category::reported, 0.8, p.chunk_begin(p.subject), he, "", "…というのが + a noun of saying or a view (" + L + ")");
        return;
      }
    }
    if (p.head > 0 && p.chunks[p.head - 1].quotative) {
      if (const Cue* r = noun_entry(c, "rumour", L)) {
        c.hit_from(r, Category::reported, 0.7, c.p.chunk_begin(p.head - 1), he, "", "という/との + a hearsay noun");
        return;
      }
      // …との懸念だ, …という批判だ: a noun that the quotation fills
      if (noun_entry(c, "voice", L)) {
        c.hit(Category::reported, 0.75, c.p.chunk_begin(p.head - 1), he, "", "という/との + a noun of what is voiced (" + L + ")");
        return;
      }
      // 「…」と井上さん。: the verb of saying left out after a name
      if (p.quote_after_bracket && p.chunks[p.head - 1].quote_particle == "と" && h.tail.empty()) {
        c.hit(Category::reported, 0.8, c.p.chunk_begin(p.head - 1), he, "speech", "「…」と + a noun: the verb of saying left out");
        return;
      }
      // 「…」との回答でした, …との見方だ: a statement or a view named by its noun
      const Cue* said = noun_entry(c, "stance", L);
      if (!said) said = c.cat("speech", L + "する");
      if (said && p.chunks[p.head - 1].quote_particle != "として") {
        c.hit(Category::reported, 0.8, c.p.chunk_begin(p.head - 1), he, "speech", "との + a noun of saying (" + L + ")");
        return;
      }
    }
    if (int cleft = p.quote < 0 ? quoting_cleft(c) : 0) {
      c.hit(Category::reported, 0.8, hb, he, cleft == 2 ? "pointer" : "speech", "「…」と…のは X だ: a cleft whose clause quotes X");
      return;
    }
    const Chunk* owner = p.head > 0 ? &p.chunks[p.head - 1] : nullptr;
    bool owned = owner && owner->kind == Chunk::Kind::noun && owner->tail == "の" &&
                 p.morphs[owner->first].pos1 != "数" && p.morphs[owner->first].pos1 != "代名詞" &&
                 p.morphs[owner->content_end - 1].pos1 != "数" &&
                 std::string_view("一二三四五六七八九十何別").find(owner->lemma.substr(0, 3)) == std::string_view::npos;
    if (owned) {
      if (const Cue* r = c.cat("rumour", L)) {
        c.hit_from(r, Category::reported, 0.7, c.p.chunk_begin(p.head - 1), he, "", "Xの" + L + ": someone's view");
        return;
      }
    }
    if (const Cue* e = epistemic_noun(c, L)) {
      if (p.negative) return;
      // …する見通し(だ): a clause states what is projected; a bare 今後の見通し is a heading.
      bool clause = p.head > 0 && (p.chunks[p.head - 1].kind == Chunk::Kind::verb ||
                                   p.chunks[p.head - 1].kind == Chunk::Kind::adjective) &&
                    !p.chunks[p.head - 1].quotative;
      if (!h.tail.empty() || clause) {
        c.hit_from(e, Category::speculation, 0.7, hb, he, "", "an epistemic noun as the predicate");
        return;
      }
    }
    // 十分にありうる話だ: a noun whose relative clause says it can happen
    if (p.head > 0 && !p.negative) {
      const Chunk& rel = p.chunks[p.head - 1];
      if (rel.kind == Chunk::Kind::verb && (rel.tail.ends_with("得る") || rel.tail.ends_with("うる"))) {
        c.hit(Category::speculation, 0.8, p.chunk_begin(p.head - 1), he, "", "…得る + a noun: can happen");
        return;
      }
    }
    // 鈴のようだ: a simile is an impression
    if (h.tail.starts_with("のよう") && !p.negative) {
      c.hit(Category::opinion, 0.5, hb, he, "", "a simile (Nのようだ): an impression");
      return;
    }
    // 彼らしい: typical of someone, an evaluation
    if (h.tail.starts_with("らしい") && !p.has(Modal::hearsay)) {
      c.hit(Category::opinion, 0.5, hb, he, "", "Nらしい: typical of, an evaluation");
      return;
    }
  }
  // The subject: a hearsay noun spreading, an epistemic noun with a verb of being or growing.
  bool negative = p.negative || L == "ない" || L == "無い";
  // 気がする: a feeling noun as the subject of する
  if ((L == "する" || L == "します") && p.head > 0) {
    const Chunk& prev = p.chunks[p.head - 1];
    for (auto* f : c.lex.of_kind("feeling")) {
      if (f->cls == "none") continue;
      if ((prev.lemma == f->expression && (prev.particle == "が" || prev.particle == "も")) ||
          prev.tail.ends_with(f->expression + "が") || prev.tail.ends_with(f->expression + "も")) {
        c.hit_from(f, Category::speculation, 0.6, p.chunk_begin(p.head - 1), he, "think", f->expression + "がする: a feeling");
        return;
      }
    }
  }
  // …いただければ幸いです: a polite request
  if (p.head > 0) {
    const Chunk& prev = p.chunks[p.head - 1];
    if ((prev.tail.ends_with("ば") || prev.tail.ends_with("と")) &&
        (prev.lemma == "いただける" || prev.lemma == "くださる" || prev.lemma == "もらえる" ||
         prev.tail.find("いただけれ") != std::string::npos || prev.tail.find("くだされ") != std::string::npos)) {
      if (c.in("telling", prev.lemma))
        c.hit(Category::question, 0.7, p.chunk_begin(p.head - 1), he, "telling", "教えていただけると助かります: asks");
      else c.hit(Category::other, 0.8, p.chunk_begin(p.head - 1), he, "request", "…いただければ幸いです: a polite request");
      return;
    }
  }
  if (p.subject >= 0) {
    const Chunk& sj = p.chunks[p.subject];
    if (const Cue* r = noun_entry(c, "rumour", sj.lemma); r && c.in("spread", L) && !negative) {
      bool attributed = p.subject > 0 && (p.chunks[p.subject - 1].quotative ||
                                          (p.subject > 1 && p.chunks[p.subject - 2].quotative &&
                                           p.chunks[p.subject - 1].kind == Chunk::Kind::verb));
      double strength = r->strength;
      c.hit(Category::reported, strength, attributed ? p.chunk_begin(p.subject - 1) : p.chunk_begin(p.subject), he, "",
            "a hearsay noun as the subject of a verb of spreading: a rumour");
      return;
    }
    if (noun_entry(c, "voice", sj.lemma) && c.in("spread", L) && !negative && p.subject > 0 &&
        p.chunks[p.subject - 1].quotative) {
      c.hit(Category::reported, 0.75, p.chunk_begin(p.subject - 1), he, "",
            "という/との + a noun of what is voiced, as the subject of " + L);
      return;
    }
    const Cue* ep = epistemic_noun(c, sj.lemma);
    if (!ep && sj.surface != sj.lemma) ep = epistemic_noun(c, sj.surface);
    if (const Cue* e = ep) {
      bool likely = c.in("likely", L) || (h.kind == Chunk::Kind::adjective && !negative);
      bool cannot_exclude = p.negative && (p.potential || L == "捨てる") &&
                            (L == "否定する" || L == "捨てる" || L == "排除する");
      if (L == "ない" || L == "無い") likely = true;
      if (likely && (!negative || cannot_exclude)) {
        c.hit_from(e, Category::speculation, 0.9, p.chunk_begin(p.subject), he, "",
                   sj.lemma + " with " + L + (cannot_exclude ? " (cannot be ruled out)" : ""));
        return;
      }
      if (likely && negative) return;  // 可能性はない: a categorical negation
    }
  }
  if (p.complement >= 0 && L == "なる" && p.complement > 0 && p.chunks[p.complement - 1].particle == "が" &&
      p.complement + 1 == p.head) {
    const Chunk& co = p.chunks[p.complement];
    if (const Cue* r = c.cat("rumour", co.lemma)) {
      c.hit_from(r, Category::reported, 0.75, p.chunk_begin(p.complement), he, "", "うわさになる: a rumour");
      return;
    }
  }
  // という話を聞いた: a hearsay noun heard
  if (p.object >= 0 && verb_entry(c, "hearing")) {
    const Chunk& o = p.chunks[p.object];
    if (c.cat("rumour", o.lemma) && p.object > 0 && p.chunks[p.object - 1].quotative) {
      c.hit(Category::reported, 0.8, p.chunk_begin(p.object - 1), he, "", "という" + o.lemma + "を" + L + ": hearsay");
      return;
    }
  }
  // The object: a view shown or a statement issued (考えを示した, コメントを出した).
  if (p.object >= 0 && c.in("showverb", L)) {
    const Chunk& o = p.chunks[p.object];
    const Cue* st = c.cat("stance", o.lemma);
    // との方針を示した; という実験結果を示した shows evidence, not a view
    bool evidence = false;
    for (auto* e : c.lex.of_kind("evidence"))
      if (o.lemma.ends_with(e->expression)) evidence = true;
    bool quoted = p.object > 0 && p.chunks[p.object - 1].quotative && !evidence;
    if (st || quoted) {
      std::size_t b = quoted ? p.chunk_begin(p.object - 1) : p.chunk_begin(p.object);
      c.hit_from(st, Category::reported, 0.85, b, he, "speech", o.lemma + "を" + L + ": a view stated");
      return;
    }
  }
  // An adjective of evaluation as the predicate (わざとらしかった)
  if (h.kind == Chunk::Kind::adjective && c.in("evaluation", L) && p.quote < 0 && p.marks.empty()) {
    c.hit(Category::opinion, 0.5, hb, he, "", "an adjective of evaluation as the predicate");
    return;
  }
  // ように見える / ように思える: it looks as if
  if (p.head > 0 && (L == "見える" || L == "思える" || L == "感じる" || L == "感じられる") &&
      p.chunks[p.head - 1].tail.ends_with("ように")) {
    c.hit(Category::speculation, 0.7, p.chunk_begin(p.head - 1), he, "", "ように" + L + ": it looks as if");
    return;
  }
  if (h.kind == Chunk::Kind::verb) {
    // 疑われている, 考えられる (without a quotation): suspected, conceivable
    if (const Cue* t = c.lex.word("thinking", L);
        t && t->cls == "speculation" && p.passive && p.quote < 0 && L != "見る" && L != "みる" && !p.negative) {
      c.hit(Category::speculation, 0.8, hb, he, "", L + " in the passive: suspected or conceivable");
      return;
    }
    if (const Cue* e = c.lex.word("estimate", L); e && p.passive && p.quote < 0) {
      c.hit(Category::speculation, 0.7, hb, he, "", L + " in the passive: expected");
      return;
    }
    // そう言って笑った: a verb of saying in the te-form pointing at the words, then a manner
    if (p.quote < 0 && !p.negative && (named_subject(p) || !p.polite) && points_at_quote(c))
      for (int k = p.head - 1; k >= 0; --k) {
        const Chunk& ch = p.chunks[k];
        const Cue* sp = c.lex.word("speech", ch.lemma);
        if (ch.kind == Chunk::Kind::verb && sp && sp->cls != "none" && (ch.tail == "て" || ch.tail == "で")) {
          c.hit(Category::reported, 0.8, p.chunk_begin(k), he, "pointer", "そう言って + a verb: the words quoted around it");
          return;
        }
      }
    // A verb of saying without a quotative particle: what it says is pointed at (こう振り返る,
    // そう話した), asked for (注意するよう呼びかけた), nominalised (検討していることを明らか
    // にした), or before the comma (…したと、社長は話す).
    if (const Cue* sp = verb_entry(c, "speech"); sp && sp->cls != "none" && !p.passive && p.quote < 0 &&
                                                 !p.has(Modal::wish) && !p.has(Modal::request) && !p.negative) {
      // (READMEにもそう書きました: the speaker's own act, told in the polite form without a subject)
      if (points_at_quote(c) && (named_subject(p) || !p.polite)) {
        c.hit(Category::reported, 0.8, hb, he, "pointer", "こう/そう + a verb of saying: the words quoted around it");
        return;
      }
      for (int k = p.head - 1; k >= 0; --k) {
        const Chunk& ch = p.chunks[k];
        if (ch.kind == Chunk::Kind::adverb) continue;
        if ((ch.kind == Chunk::Kind::verb || ch.kind == Chunk::Kind::adjective) &&
            (ch.tail.ends_with("よう") || ch.tail.ends_with("ように")) && !ch.tail.ends_with("のように")) {
          if (!named_subject(p) && p.polite) break;  // 確認するようお願いします: the speaker's own request
          c.hit(Category::reported, 0.8, p.chunk_begin(k), he, "directive", "…よう(に) + a verb of saying: a request reported");
          return;
        }
        break;
      }
      if (p.object >= 0) {
        const Chunk& o = p.chunks[p.object];
        std::string_view nominaliser = o.last >= o.first + 2 ? std::string_view(p.morphs[o.last - 2].surface) : "";
        if (o.kind != Chunk::Kind::noun && p.morphs[o.last - 1].surface == "を" && o.last - 2 >= o.content_end &&
            (nominaliser == "こと" || nominaliser == "の") && (named_subject(p) || !p.polite)) {
          c.hit(Category::reported, 0.8, p.chunk_begin(p.object), he, "speech", "…ことを + a verb of saying: what is said, nominalised");
          return;
        }
      }
      if (quote_before_window(c) && (p.subject >= 0 || p.head == 0)) {
        c.hit(Category::reported, 0.8, hb, he, "speech", "…と、X は + a verb of saying: the quotation before the comma");
        return;
      }
    }
    // ある研究では、…ことが分かった: a finding of a named study, reported
    if (!p.negative && (h.kind == Chunk::Kind::verb) && finding(c)) {
      bool clause = false;
      if (p.subject >= 0) {
        const Chunk& sj = p.chunks[p.subject];
        if (sj.last >= sj.first + 2) {
          std::string_view nm = p.morphs[sj.last - 2].surface;
          clause = sj.last - 2 >= sj.content_end && (nm == "こと" || nm == "の");
        }
      }
      if ((clause || p.quote >= 0) && source_topic(c, hb)) {
        c.hit(Category::reported, 0.8, hb, he, "speech", "a study or a document named, then what it found");
        return;
      }
    }
    if (const Cue* d = c.cat("denial", L); d && !p.passive) {
      c.hit_from(d, Category::reported, 0.85, hb, he, "", "a verb of denying or admitting");
      return;
    }
    bool perfect = h.tail.find("てき") != std::string::npos || h.tail.find("でき") != std::string::npos;
    if (c.in("rumoured", L) && p.passive && p.quote < 0 && (!p.past || perfect || p.progressive)) {
      c.hit(Category::reported, 0.75, hb, he, "", L + " in the impersonal passive: what is said");
      return;
    }
  }
}

void modals(Ctx& c) {
  const Predicate& p = c.p;
  for (const ModalMark& m : p.marks) {
    std::size_t b = m.begin, e = m.end;
    switch (m.what) {
      case Modal::conjecture: {
        // といいでしょう / べきでしょう: advice, not a hedge
        const Chunk& h = p.chunks[p.head];
        bool advice = h.lemma == "いい" || h.lemma == "よい" || h.lemma == "良い" || h.tail.find("べき") != std::string::npos;
        if (advice) c.hit(Category::opinion, 0.8, c.head_begin(), e, "", "advice (いいでしょう, べきでしょう), not a hedge");
        else c.hit(Category::speculation, 0.8, b, e, "", m.note + ": conjecture");
        break;
      }
      case Modal::possibility: c.hit(Category::speculation, 0.9, b, e, "", m.note); break;
      case Modal::certainty: c.hit(Category::speculation, 0.7, b, e, "", m.note + " (a conviction, still a guess)"); break;
      case Modal::inference: c.hit(Category::speculation, 0.7, b, e, "", m.note); break;
      case Modal::appearance: c.hit(Category::speculation, 0.6, b, e, "", m.note); break;
      case Modal::impression: c.hit(Category::opinion, 0.5, b, e, "", m.note); break;
      case Modal::hearsay: c.hit(Category::reported, 0.7, b, e, "", m.note); break;
      case Modal::risk: c.hit(Category::speculation, 0.7, b, e, "", m.note); break;
      case Modal::potential:
        if (!p.negative) c.hit(Category::speculation, 0.8, c.head_begin(), e, "", m.note);
        break;
      default: break;
    }
  }
}

}  // namespace

// 中村は「次で取り返す」。, 山田HC「流れをつくれた」: a person, then the words, the verb of saying
// left out (the sentence ends at the closing bracket).
void named_quote(Ctx& c) {
  const Sent& s = c.s;
  std::size_t len = 0;
  char32_t last = text::before(s.n, s.core_end, len);
  if (last != U'」' && last != U'』') return;
  std::size_t close = s.core_end - len, open = std::string_view::npos;
  for (auto& [a, b] : s.quotes)
    if (b == close) open = a;
  if (open == std::string_view::npos || open <= s.body) return;
  std::string_view prefix = s.n.substr(s.body, open - s.body);
  if (std::size_t comma = prefix.rfind("、"); comma != std::string_view::npos) prefix.remove_prefix(comma + std::string_view("、").size());
  if (prefix.empty() || text::length(prefix) > 16) return;
  std::vector<Morph> ms;
  analyse_morphs(prefix, ms);
  if (ms.empty()) return;
  bool person = false;
  for (const Morph& m : ms) {
    if (m.pos == Pos::verb || m.pos == Pos::adjective || m.pos == Pos::auxiliary) return;
    if (m.pos2 == "人名") person = true;
    if (m.pos == Pos::particle && m.surface == "の") return;  // 花子さんの口癖は「…」: a description
  }
  const Morph& tail = ms.back();
  bool ends_well = tail.pos == Pos::noun || (tail.pos == Pos::particle && (tail.surface == "は" || tail.surface == "が" || tail.surface == "も"));
  if (!person || !ends_well) return;
  c.hit(Category::reported, 0.8, open, s.core_end, "speech", "a person + 「…」 with no verb: the verb of saying left out");
}

void grammar_hits(const Sent& s, const Predicate& p, const Lexicon& lex, bool wh, std::vector<RawHit>& hits,
                  bool subordinate) {
  if (!p.found) {
    if (!subordinate && p.begin < p.end) {
      Ctx c0{s, p, lex, hits};
      named_quote(c0);
    }
    return;
  }
  Ctx c{s, p, lex, hits};
  // …んちゃう(か) (Kansai: のではないか): ipadic reads ちゃう as a verb of its own
  if (p.head > 0 && p.chunks[p.head].lemma == "ちゃう" && p.chunks[p.head].first == p.chunks[p.head].content_end - 1 &&
      (p.chunks[p.head - 1].tail.ends_with("ん") || p.chunks[p.head - 1].tail.ends_with("の")) && !p.past) {
    std::size_t b = p.chunk_begin(p.head), e = p.morphs[p.chunks[p.head].last - 1].end;
    if (c.s.qmark || wh) c.hit(Category::question, 0.8, b, e, "", "…んちゃう？: asks");
    else c.hit(Category::speculation, 0.8, b, e, "", "…んちゃう (のではないか): a hedge");
    return;
  }
  // A predicate that ends in a subordinating particle (…なのに, …ので, …れば) leaves its main
  // clause unsaid: it decides nothing.
  const std::string& tail = p.chunks[p.head].tail;
  if (!subordinate && (tail.ends_with("のに") || tail.ends_with("ので") || tail.ends_with("ば") ||
                       tail.ends_with("ものの") || tail.ends_with("ながら")))
    return;
  if (questions(c, wh)) return;
  if (!quotative(c)) arguments(c);
  modals(c);
}

}  // namespace jatei::claims
