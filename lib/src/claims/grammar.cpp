// What the final predicate decides (sentence.hpp: grammar_hits). Each rule reads the predicate
// analysis (predicate.hpp) and the categories of the lexicon (categories.tsv); none names a
// string of an article. The quotation (quotative.cpp) and the arguments (arguments.cpp) have
// files of their own; grammar.hpp is what they share.
#include <algorithm>

#include "claims/entity_words.hpp"
#include "claims/grammar.hpp"
#include "claims/source.hpp"
#include "jatei/text.hpp"

namespace jatei::claims {

using namespace text;

namespace grammar {

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

bool person_noun(const Ctx& c, const Chunk& ch) {
  if (ch.kind != Chunk::Kind::noun) return false;
  const std::string& L = ch.lemma;
  if (L == "人" || L == "方" || L == "者" || c.in("agent", L)) return true;
  if (ch.content_end <= ch.first || ch.content_end - ch.first < 2) return false;
  const Morph& last = c.p.morphs[ch.content_end - 1];
  return last.pos == Pos::noun && (last.pos1 == "接尾" || last.pos1 == "一般") && c.in("person", last.base);
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
namespace {
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

}  // namespace

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

// An adjective that judges (うれしい, 難しい, ええ) or an adjectival noun made with 的 (良心的,
// 魅力的): any of them but those of measure, state or likelihood (the `measure` category: 多い,
// 高い, 新しい, 一般的), which say what can be checked. Other adjectival nouns judge when the
// lexicon has them (大切, 残念: `evaluation`): many state what can be checked (安全, 可能, 有効).
bool judging_word(const Ctx& c, const Morph& m, std::string_view word) {
  if (c.in("evaluation", m.base) || c.in("evaluation", word)) return true;
  bool adjective = (m.pos == Pos::adjective && (m.pos1 == "自立" || m.base == "ほしい")) ||
                   (m.pos == Pos::noun && m.pos1 == "接尾" && m.pos2 == "形容動詞語幹" && m.base == "的");
  return adjective && !c.in("measure", m.base) && !c.in("measure", word);
}

bool conversation_verb(std::string_view lemma) {
  // After a noun these name or go with someone: MICと書く, 友人と話す, Xと呼ぶ, 母と相談する,
  // ライバルと争う.
  return lemma == "話す" || lemma == "言う" || lemma == "いう" || lemma == "語る" || lemma == "話し合う" ||
         lemma == "語り合う" || lemma == "書く" || lemma == "呼ぶ" || lemma == "読む" || lemma == "相談する" ||
         lemma == "争う";
}

// The morph before the quotative particle of the quotation chunk.
std::size_t quote_particle_at(const Predicate& p, bool tteiu) {
  const Chunk& q = p.chunks[p.quote];
  auto particle = [&](std::size_t k) {
    std::string_view s = p.morphs[k].surface;
    return s == "と" || s == "って" || s == "という" || s == "といった" || s == "とか" || s == "など" ||
           (tteiu && s == "っていう") || s == "として";
  };
  for (std::size_t k = q.content_end; k < q.last; ++k) {
    if (!particle(k)) continue;
    // 歩くといいと思う: a conditional と (接続助詞) with a quotative particle after it in the
    // chunk joins its clause to いい; the quotation ends at the later one
    if (p.morphs[k].surface == "と" && p.morphs[k].pos1 == "接続助詞") {
      bool later = false;
      for (std::size_t j = k + 1; j < q.last; ++j)
        if (particle(j)) later = true;
      if (later) continue;
    }
    return k;
  }
  return q.last;
}

const Morph* before_quote(const Predicate& p) {
  std::size_t k = quote_particle_at(p, false);
  if (k == p.chunks[p.quote].last) return nullptr;
  return k > 0 ? &p.morphs[k - 1] : nullptr;
}

namespace {

// Questions, requests, proposals, wishes: what the predicate does rather than says. True when
// one of them decided.
// An exclamatory adverb (なんと, なんて) at the start of a clause before the predicate.
bool exclaims(const Ctx& c) {
  std::string_view n = c.s.n;
  for (auto* e : c.lex.of_kind("exclaim")) {
    if (e->cls == "none") continue;
    for (std::size_t at = n.find(e->expression, c.s.body); at != std::string_view::npos && at < c.p.end;
         at = n.find(e->expression, at + 1)) {
      bool clause_start = at == c.s.body || text::before(n, at) == U'、' || text::before(n, at) == U',';
      if (clause_start) return true;
    }
  }
  return false;
}

// ぜひ行ってみてはいかがでしょうか, 任せてみてはどう(でしょう), 休んだらどうですか: ては/たら and
// a predicate of suggestion; 一緒に出かけてみませんか, 今年は2回までにしませんか: an invitation.
// Advice or a proposal to the hearer: it asks nothing.
bool suggests(const Ctx& c, bool wh) {
  const Predicate& p = c.p;
  const Chunk& h = p.chunks[p.head];
  if (p.head > 0 && c.cat("suggestion", h.lemma) && !p.past && !p.negative) {
    // the て-form of a verb and は (試してみては), or たら (休んだら); not として/では (自治体
    // としてはいかがですか asks for a view)
    const Chunk& b = p.chunks[p.head - 1];
    const Morph& last = p.morphs[b.last - 1];
    const Morph* prev = b.last >= 2 ? &p.morphs[b.last - 2] : nullptr;
    bool te_wa = last.surface == "は" && prev && (prev->surface == "て" || prev->surface == "で") &&
                 prev->pos == Pos::particle && prev->pos1 == "接続助詞";
    bool tara = (last.surface == "たら" || last.surface == "だら") && last.pos == Pos::auxiliary;
    if (te_wa || tara) return true;
  }
  // An invitation: a verb of doing (する, or ～てみる) in the polite negative question, no
  // question word, nothing in progress (していませんか asks whether it is so).
  if (!wh && p.negative && p.polite && p.has(Modal::negation_question) && !p.progressive && !p.past &&
      h.kind == Chunk::Kind::verb) {
    bool try_it = h.tail.starts_with("てみ") || h.tail.starts_with("でみ");
    bool do_it = (h.lemma == "する" || h.lemma.ends_with("にする")) && h.tail.starts_with("ませ");
    if (try_it || do_it) return true;
  }
  return false;
}

// A question word in the predicate's own window (何して, なんで来ない), not an indefinite (何も,
// 誰か) and with no か in the window that would close an indirect question (どこに行くのかと).
bool asks_in_window(const Ctx& c) {
  const auto& qwords = c.lex.of_kind("qword");
  const std::vector<Morph>& ms = c.p.morphs;
  bool found = false;
  for (std::size_t k = 0; k < ms.size(); ++k) {
    if (ms[k].surface == "か" && ms[k].pos == Pos::particle) return false;
    bool q = std::any_of(qwords.begin(), qwords.end(), [&](const Cue* w) { return w->expression == ms[k].surface; });
    if (q && !(k + 1 < ms.size() && (ms[k + 1].surface == "も" || ms[k + 1].surface == "でも"))) found = true;
  }
  return found;
}

bool questions(Ctx& c, bool wh) {
  const Predicate& p = c.p;
  std::size_t hb = c.head_begin(), he = p.morphs[p.chunks[p.head].last - 1].end;
  if (suggests(c, wh)) {
    c.hit(Category::other, 0.7, hb, he, "suggestion", "a suggestion or an invitation (…てはいかが, …てみませんか): advises, asks nothing");
    return true;
  }
  if (p.has(Modal::conjecture) && exclaims(c) && !c.s.qmark) {
    c.hit(Category::other, 0.7, hb, he, "exclaim", "an exclamatory adverb with a final だろう (なんと…だろう): exclaims");
    return true;
  }
  if (const ModalMark* nq = p.mark(Modal::negation_question)) {
    // のではないか / んじゃないかな / …ではないでしょうか: a hedge; じゃないですか asks
    bool nominal = false;
    for (const Morph& m : p.morphs)
      if ((m.surface == "の" || m.surface == "ん") && m.pos == Pos::noun && m.begin < nq->begin) nominal = true;
    if (p.polite && !p.has(Modal::conjecture)) c.hit(Category::question, 0.9, hb, he, "", "…ないですか: asks");
    else if (nominal || p.has(Modal::conjecture))
      c.hit(Category::speculation, 0.8, hb, he, !nominal ? "negq-noun" : p.polite && p.has(Modal::conjecture) ? "negq" : "",
            "のではないか, ではないでしょうか: isn't it the case that (a hedge)");
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
    // それはなぜか。, では、なぜか。: a question word that is itself the predicate asks (なぜか
    // before a verb is the adverb "somehow", which has_question_word leaves out)
    const auto& qwords = c.lex.of_kind("qword");
    if (h.tail == "か" && p.finals == "か" &&
        std::any_of(qwords.begin(), qwords.end(), [&](const Cue* q) { return q->expression == h.surface; })) {
      c.hit(Category::question, 0.8, hb, he, "", "a question word as the predicate, with か: asks");
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
  // どうして黙ってたの。, いつ帰ってくるの。: a question word with a final の asks, with or
  // without ？ (the の of explanation ends a statement only without one)
  if (wh && p.finals == "の" && asks_in_window(c)) {
    c.hit(Category::question, 0.8, hb, he, "", "a question word with a final の: asks");
    return true;
  }
  if (p.has(Modal::agreement)) {
    c.hit(Category::opinion, 0.6, hb, he, "agreement", "でしょ: asks for agreement");
    return true;
  }
  // 信じてもらえない: a benefactive in the negative states what others do not do (ていただけ
  // ませんか, with か, still asks)
  if (p.prohibition && !p.has(Modal::question)) {
    c.hit(Category::other, 0.6, hb, he, "request", "ないでください, ないで(ね): a request not to do something");
    return true;
  }
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


void modals(Ctx& c, bool wh) {
  const Predicate& p = c.p;
  for (const ModalMark& m : p.marks) {
    std::size_t b = m.begin, e = m.end;
    switch (m.what) {
      case Modal::conjecture: {
        // といいでしょう / べきでしょう: advice, not a hedge
        const Chunk& h = p.chunks[p.head];
        // (…を使うとよいでしょう: よい read into the verb's chunk after と/ば/たら)
        bool advice = h.lemma == "いい" || h.lemma == "よい" || h.lemma == "良い" || h.tail.find("べき") != std::string::npos;
        for (std::string_view cond : {"と", "ば", "たら", "だら"})
          for (std::string_view good : {"いい", "よい", "良い"})
            if (h.tail.find(std::string(cond) + std::string(good)) != std::string::npos) advice = true;
        // どうしたらいいでしょう: with a question word it asks what to do, it is no advice
        if (wh) advice = false;
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
}  // namespace grammar

using grammar::Ctx;

namespace {

// Whether the noun phrase the morphs end with (a particle は/が/も after it allowed) names a
// person: a name (人名), or a noun of a person or a name suffix (the `agent` category: 川村さん,
// 営業部の担当者, 30代女性).
bool ends_with_person(const Ctx& c, const std::vector<Morph>& ms) {
  std::size_t k = ms.size();
  if (k > 0 && ms[k - 1].pos == Pos::particle &&
      (ms[k - 1].surface == "は" || ms[k - 1].surface == "が" || ms[k - 1].surface == "も"))
    --k;
  bool person = false;
  std::string run;
  while (k > 0 && ms[k - 1].pos == Pos::noun) {
    const Morph& m = ms[k - 1];
    if (m.pos2 == "人名") person = true;
    run = std::string(m.surface) + run;
    --k;
  }
  if (run.empty()) return false;
  for (auto* a : c.lex.of_kind("agent"))
    if (run.ends_with(a->expression)) person = true;
  // 千種七段, 山田社長: a title or an honorific the name finder reads after a name (entities.tsv)
  for (auto& t : EntityWords::builtin().titles)
    if (run.size() > t.text.size() && run.ends_with(t.text)) person = true;
  // 40代, 70歳: an age
  for (std::string_view age : {"代", "歳", "才"})
    if (run.ends_with(age) && run.size() > age.size() && is_digit(text::before(run, run.size() - age.size())))
      person = true;
  return person;
}

}  // namespace

// 中村は「次で取り返す」。, 山田HC「流れをつくれた」, 営業部の川村さん「…」: a person, then the
// words, the verb of saying left out (the sentence ends at the closing bracket); 娘さんは数を
// 数えて、「17本もあった」: a person the sentence opens with, then the words after a comma.
void named_quote(Ctx& c) {
  const Sent& s = c.s;
  std::size_t len = 0;
  char32_t last = text::before(s.n, s.core_end, len);
  if (last != U'」' && last != U'』') return;
  std::size_t close = s.core_end - len, open = std::string_view::npos;
  for (auto& [a, b] : s.quotes)
    if (b == close) open = a;
  if (open == std::string_view::npos || open <= s.body) return;
  std::string_view whole = s.n.substr(s.body, open - s.body);
  std::string_view prefix = whole;
  if (std::size_t comma = prefix.rfind("、"); comma != std::string_view::npos) prefix.remove_prefix(comma + std::string_view("、").size());
  if (prefix.empty()) {
    // the words after a comma: whose they are is the person the sentence opens with
    auto src = find_source(s.n, s.body, c.lex);
    if (!(src && src->why == "the topic of the sentence" && src->element == "persName" && src->end < open)) return;
    std::vector<Morph> ms;
    analyse_morphs(s.n.substr(src->begin, src->end - src->begin), ms);
    if (!ends_with_person(c, ms)) return;
    c.hit(Category::reported, 0.8, open, s.core_end, "elided", "a person the sentence opens with, then 「…」 after a comma: the verb of saying left out");
    return;
  }
  if (text::length(prefix) > 40) return;
  std::vector<Morph> ms;
  analyse_morphs(prefix, ms);
  if (ms.empty()) return;
  bool person = false, predicate = false, of = false;
  for (const Morph& m : ms) {
    if (m.pos == Pos::verb || m.pos == Pos::adjective || m.pos == Pos::auxiliary) predicate = true;
    if (m.pos2 == "人名") person = true;
    if (m.pos == Pos::particle && m.surface == "の") of = true;
  }
  const Morph& tail = ms.back();
  bool ends_well = tail.pos == Pos::noun || (tail.pos == Pos::particle && (tail.surface == "は" || tail.surface == "が" || tail.surface == "も"));
  // A short phrase with a name and no predicate (中村は, 山田HC), not a description with の
  // (花子さんの口癖は「…」); or a phrase that ends with a person, a relative clause before it
  // allowed (この春に入社した営業部の川村さん「…」).
  bool named = ends_well && person && !predicate && !of && text::length(prefix) <= 16;
  if (!named && !(ends_well && ends_with_person(c, ms))) return;
  // (kind elided: a list item of this shape is a headline, a link to an interview: factuality.cpp)
  c.hit(Category::reported, 0.8, open, s.core_end, named ? "speech" : "elided",
        "a person + 「…」 with no verb: the verb of saying left out");
}

// 「明細を見比べたら…」(会社員40代): a sentence that is one quotation with its speaker in
// brackets after it (a person, an age): the words of a person asked (a vox pop).
bool vox_pop(Ctx& c) {
  const Sent& s = c.s;
  std::size_t len = 0;
  if (text::before(s.n, s.core_end, len) != U')') return false;
  std::size_t close = s.core_end - len, open = std::string_view::npos;
  for (auto& [a, b] : s.parens)
    if (b == close) open = a;
  if (open == std::string_view::npos || open <= s.body) return false;
  std::size_t ql = 0;
  char32_t before_paren = text::before(s.n, open, ql);
  if (before_paren != U'」' && before_paren != U'』') return false;
  std::size_t qclose = open - ql;
  bool from_start = false;
  for (auto& [a, b] : s.quotes)
    if (b == qclose && a == s.body) from_start = true;
  if (!from_start) return false;
  std::string_view who = s.n.substr(open + 1, close - open - 1);
  if (who.empty() || text::length(who) > 20) return false;
  std::vector<Morph> ms;
  // (・ and spaces part the descriptors: 東京都・会社員・29歳)
  std::string last(who.substr(who.rfind("・") == std::string_view::npos ? 0 : who.rfind("・") + std::string_view("・").size()));
  analyse_morphs(last, ms);
  for (const Morph& m : ms)
    if (m.pos == Pos::verb || m.pos == Pos::auxiliary || m.pos == Pos::adjective) return false;
  if (!ends_with_person(c, ms)) return false;
  c.hit(Category::reported, 0.8, s.body, s.core_end, "speech", "a quotation with its speaker in brackets after it (a vox pop)");
  return true;
}

// …運ばれたということです, …ということでした (news on air, a report of what was said): what is
// said, told in the past or in progress, or said in the past; not an explanation (つまり…という
// ことです, 大事なのは…ということです).
bool said_so(Ctx& c) {
  const Sent& s = c.s;
  std::string_view core = s.n.substr(s.body, s.core_end - s.body);
  std::size_t at = std::string_view::npos;
  bool past = false;
  for (std::string_view end : {"ということです", "ということだ", "ということである", "ということでした", "ということだった"})
    if (core.ends_with(end)) {
      at = core.size() - end.size();
      past = end.ends_with("た");
    }
  if (at == std::string_view::npos || at == 0) return false;
  std::string_view before = core.substr(0, at);
  bool event = before.ends_with("た");
  for (std::string_view prog : {"ている", "でいる", "ていない", "ておらず"})
    if (before.ends_with(prog)) event = true;
  if (!(past || event)) return false;
  for (std::string_view explain : {"つまり", "要するに", "要は", "すなわち", "言い換えれば", "ということは", "のは"})
    if (core.find(explain) != std::string_view::npos) return false;
  std::size_t b = s.body + at;
  c.hit(Category::reported, 0.7, b, s.core_end, "", "…ということです/でした: what is said (news on air, a report)");
  return true;
}

// 必ず発症するわけではありません, 必ずしも正しいわけではない: a universal (the `universal`
// category: 必ず, いつも, 誰でも) under わけではない denies only that it always holds: not
// necessarily, like とは限らない (speculation); in the past (わけではなかった) it narrates.
bool not_necessarily(Ctx& c) {
  const Predicate& p = c.p;
  const Chunk& h = p.chunks[p.head];
  const std::string& t = h.tail;
  // そうとは限らない: ipadic reads と after そう as an adverbial particle, not the quotative
  // particle quotative() reads とは限らない by
  if ((h.lemma == "限る" || h.lemma == "かぎる") && p.negative && p.quote < 0 && p.head > 0 &&
      p.chunks[p.head - 1].tail.starts_with("と") && !p.past) {
    c.hit(Category::speculation, 0.8, c.p.chunk_begin(p.head - 1), c.head_end(), "", "とは限らない: not necessarily");
    return true;
  }
  if (!(t.find("わけではな") != std::string::npos || t.find("わけではあり") != std::string::npos ||
        t.find("わけじゃな") != std::string::npos || t.find("わけでもな") != std::string::npos))
    return false;
  // 全員が賛成したわけではなかった: in the past it tells what was not the case, a fact
  if (p.past) return false;
  std::string_view n = c.s.n.substr(c.s.body, c.head_begin() > c.s.body ? c.head_begin() - c.s.body : 0);
  for (auto* u : c.lex.of_kind("universal"))
    if (n.find(u->expression) != std::string_view::npos) {
      c.hit(Category::speculation, 0.8, c.head_begin(), c.head_end(), "", "a universal (" + u->expression + ") + わけではない: not necessarily");
      return true;
    }
  return false;
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
  if (!subordinate && vox_pop(c)) return;
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
  if (grammar::questions(c, wh)) return;
  if (said_so(c) || not_necessarily(c)) return;
  if (!grammar::quotative(c)) grammar::arguments(c);
  grammar::modals(c, wh);
}

}  // namespace jatei::claims