// What the predicate's arguments decide (grammar.hpp: arguments): people or voices who say it,
// a noun predicate, the subject, the object, and a verb of saying without a quotative particle.
#include <algorithm>
#include <iterator>

#include "claims/grammar.hpp"
#include "claims/source.hpp"
#include "jatei/text.hpp"

namespace jatei::claims::grammar {

using namespace text;

namespace {

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

// A noun with は or が before the predicate (the subject, or a topic with an adverb between:
// 担当者は繰り返し説明している).
bool has_topic(const Predicate& p) {
  if (p.subject >= 0) return true;
  for (int k = 0; k < p.head; ++k)
    if (p.chunks[k].kind == Chunk::Kind::noun && (p.chunks[k].particle == "は" || p.chunks[k].particle == "が")) return true;
  return false;
}

// A quotation before the window, cut from it by a comma: …したと、社長は話す. A long clause
// after the comma (…と、同社の広報を担当する営業企画部の山田部長は記者団に対して述べた) leaves
// the window inside it: the comma is then the last one before the window, with nothing between
// that ends a sentence or opens a quotation.
bool quote_before_window(const Ctx& c) {
  std::string_view n = c.s.n;
  std::string_view before_w = n.substr(0, c.p.begin);
  bool at_comma = before_w.ends_with("、") || before_w.ends_with(",");
  if (!at_comma) {
    std::size_t k = before_w.rfind("、");
    if (k == std::string_view::npos || k < c.s.body) return false;
    std::string_view between = before_w.substr(k + std::string_view("、").size());
    for (std::string_view stop : {"。", "「", "」", "『", "』", ",", "と、"})
      if (between.find(stop) != std::string_view::npos) return false;
    before_w = before_w.substr(0, k + std::string_view("、").size());
  }
  for (std::string_view comma : {"、", ","})
    if (before_w.ends_with(comma)) {
      before_w.remove_suffix(comma.size());
      // …したと、 / …だったって、 (spoken)
      bool tte = before_w.ends_with("って");
      if (tte) before_w.remove_suffix(std::string_view("って").size());
      else if (before_w.ends_with("と")) before_w.remove_suffix(std::string_view("と").size());
      else return false;
      char32_t b = text::before(before_w, before_w.size());
      // (って is no condition: after any plain form it quotes, 危ないって、)
      if (tte && (is_hiragana(b) || is_kanji(b))) return true;
      // a plain past or copula, or a closing bracket (a dictionary form + と is a condition)
      if (b == U'た' || b == U'だ' || b == U'」' || b == U'』') return true;
      // …問題はないと、 / …広がっていると、: a plain non-past form quotes a clause with a subject of
      // its own when the verb of saying after the comma has its own subject and no object or
      // partner (駅に着くと、友人は誰かと話していた is a condition: no subject before と).
      if (!is_hiragana(b) || c.p.object >= 0 || !has_topic(c.p)) return false;
      for (int k = 0; k < c.p.head; ++k)
        if (c.p.chunks[k].particle == "と") return false;
      std::size_t qe = before_w.size();
      std::size_t w2 = predicate_window(n, c.s.body, qe);
      Predicate clause = analyse_predicate(n, w2, qe);
      return clause.found && clause.subject >= 0;
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

// …と話す人もいる, …と考える専門家が多い, …という声もある: people or voices who say it, as the
// subject of a verb of being or spreading; the quotation fills their verb of saying or
// thinking, or という names them (a person, a voice: not 「…」という名前の店がある).
bool people_who_say(Ctx& c) {
  const Predicate& p = c.p;
  const Chunk& h = p.chunks[p.head];
  const std::string& L = h.lemma;
  // (少なくない: not few, many, as 多い)
  bool not_few = L == "少ない" && p.negative;
  if (!((h.kind == Chunk::Kind::verb || h.kind == Chunk::Kind::adjective) && (!p.negative || not_few) && p.subject >= 1 &&
        (L == "いる" || L == "おる" || c.in("spread", L) || not_few)))
    return false;
  const Chunk& sj = p.chunks[p.subject];
  const Chunk& rel = p.chunks[p.subject - 1];
  // The quotation before the verb of saying, or before its object (…と不満を漏らす客: a manner
  // of saying with its object).
  int qk = static_cast<int>(p.subject) - 2;
  if (qk >= 1 && p.chunks[qk].kind == Chunk::Kind::noun && p.chunks[qk].particle == "を" && p.chunks[qk - 1].quotative) --qk;
  // (the verb in the relative clause plain, past or progressive: 言う人, 言った人, 言ってる人)
  static constexpr std::string_view kAspect[] = {"", "た", "だ", "ている", "てる", "ていた", "てた", "でいる", "でる", "でいた", "でた"};
  bool plain = std::find(std::begin(kAspect), std::end(kAspect), rel.tail) != std::end(kAspect);
  bool says = qk >= 0 && rel.kind == Chunk::Kind::verb && plain && p.chunks[qk].quotative &&
              (c.in("speech", rel.lemma) || c.in("thinking", rel.lemma) || c.in("manner", rel.lemma));
  bool named = rel.quotative && (rel.quote_particle == "という" || rel.quote_particle == "っていう") &&
               (person_noun(c, sj) || noun_entry(c, "voice", sj.lemma) || noun_entry(c, "rumour", sj.lemma));
  if (!(sj.kind == Chunk::Kind::noun && (says || named))) return false;
  // (…という噂が広がっている: a hearsay noun that spreads is a rumour, check-worthy)
  bool spreads = noun_entry(c, "rumour", sj.lemma) && c.in("spread", L);
  c.hit(Category::reported, 0.75, p.chunk_begin(says ? qk : p.subject - 1), c.head_end(), "",
        "people or voices who say it (…と" + (says ? rel.lemma : std::string("いう")) + sj.lemma + "も" + L + ")" +
            (spreads ? ": a rumour that spreads" : ""));
  return true;
}

// The tail of a noun predicate that is only the copula, in any tense or politeness (だ, です,
// だった, でした, である), with final particles.
bool copula_only(std::string_view t) {
  for (std::string_view c : {"でした", "だった", "である", "であった", "です", "だ"})
    if (t.starts_with(c)) {
      t.remove_prefix(c.size());
      for (std::string_view f : {"よ", "ね", "な"})
        while (t.starts_with(f)) t.remove_prefix(f.size());
      return t.empty();
    }
  return false;
}

// Between the quotative chunk and the predicate: nothing, or the one who said the words as the
// subject (と監督は前向きだ), with nouns before it in the genitive (と常連の男性は笑顔だった).
bool speaker_between(const Predicate& p) {
  if (p.quote == p.head - 1) return true;
  if (p.subject != p.head - 1) return false;
  for (int k = p.quote + 1; k < p.subject; ++k)
    if (!(p.chunks[k].kind == Chunk::Kind::noun && p.chunks[k].tail == "の")) return false;
  return p.quote >= 0 && p.quote < p.subject;
}

// A noun predicate that a quotation fills or names: …というのが著者の主張だ, という話だ,
// との懸念だ, 「…」と井上さん。, との回答でした.
bool quoted_noun(Ctx& c) {
  const Predicate& p = c.p;
  const std::string& L = p.chunks[p.head].lemma;
  std::size_t he = c.head_end();
  // …というのが著者の主張だ, …というのが大方の見方だ: the quotation is the subject of a noun
  // of saying or of a view
  if (p.subject >= 0 && p.subject < p.head && !p.negative) {
    const std::string& st = p.chunks[p.subject].tail;
    bool quoted = st.ends_with("というのが") || st.ends_with("というのは") || st.ends_with("っていうのが") ||
                  st.ends_with("とするのが");
    if (quoted && (noun_entry(c, "voice", L) || noun_entry(c, "rumour", L) || noun_entry(c, "stance", L))) {
      c.hit(Category::reported, 0.8, p.chunk_begin(p.subject), he, "", "…というのが + a noun of saying or a view (" + L + ")");
      return true;
    }
  }
  // 「…」と笑顔だった, 「…」と満足げでした, 「…」と監督は前向きだ: the words, then the look or the
  // mood they were said in (the one who said them between), with the copula; the verb of saying
  // is left out. (「A」と同じです compares: the `relation` category.)
  if (p.quote >= 0 && p.quote_after_bracket && p.chunks[p.quote].quote_particle == "と" &&
      speaker_between(p) && !p.negative && p.marks.empty() &&
      !c.in("relation", L) && copula_only(p.chunks[p.head].tail)) {
    c.hit(Category::reported, 0.75, c.p.chunk_begin(p.quote), he, "speech",
          "「…」と + a noun with the copula (" + L + "): the words and how they were said");
    return true;
  }
  if (!(p.head > 0 && p.chunks[p.head - 1].quotative)) return false;
  if (const Cue* r = noun_entry(c, "rumour", L)) {
    c.hit_from(r, Category::reported, 0.7, c.p.chunk_begin(p.head - 1), he, "", "という/との + a hearsay noun");
    return true;
  }
  // …との懸念だ, …という批判だ: a noun that the quotation fills
  if (noun_entry(c, "voice", L)) {
    c.hit(Category::reported, 0.75, c.p.chunk_begin(p.head - 1), he, "", "という/との + a noun of what is voiced (" + L + ")");
    return true;
  }
  // 「…」と井上さん。: the verb of saying left out after a name
  if (p.quote_after_bracket && p.chunks[p.head - 1].quote_particle == "と" && p.chunks[p.head].tail.empty()) {
    c.hit(Category::reported, 0.8, c.p.chunk_begin(p.head - 1), he, "speech", "「…」と + a noun: the verb of saying left out");
    return true;
  }
  // 「…」との回答でした, …との見方だ: a statement or a view named by its noun
  const Cue* said = noun_entry(c, "stance", L);
  if (!said) said = c.cat("speech", L + "する");
  if (said && p.chunks[p.head - 1].quote_particle != "として") {
    c.hit(Category::reported, 0.8, c.p.chunk_begin(p.head - 1), he, "speech", "との + a noun of saying (" + L + ")");
    return true;
  }
  return false;
}

// A noun predicate: quoted (above), a cleft that quotes, someone's view (Xの噂だ), an epistemic
// noun (見通しだ), something that can happen (ありうる話だ), a simile, Nらしい.
// 「俺は諦めない」と叫ぶ翔太。, …と話す店主の山田さん。: the sentence ends on a person whose
// relative clause is a verb of saying after a quotation: their words, the verb of the main
// clause left out (a drama recap, a feature's caption).
bool speaker_at_end(const Ctx& c) {
  const Predicate& p = c.p;
  if (p.head < 2 || p.negative) return false;
  int v = p.head - 1;
  while (v > 1 && p.chunks[v].kind == Chunk::Kind::noun && p.chunks[v].tail == "の") --v;
  const Chunk& vb = p.chunks[v];
  if (v < 1 || vb.kind != Chunk::Kind::verb || !p.chunks[v - 1].quotative) return false;
  const std::string& t = vb.tail;
  if (!(t.empty() || t == "た" || t == "だ" || t == "ている" || t == "ていた" || t == "でいる" || t == "でいた")) return false;
  const std::string& qp = p.chunks[v - 1].quote_particle;
  if (qp != "と" && qp != "って") return false;
  if (!(c.cat("speech", vb.lemma) || c.cat("manner", vb.lemma))) return false;
  // the head names a person: a given or family name, or a role or a name suffix (さん, 社長)
  const Chunk& h = p.chunks[p.head];
  for (std::size_t k = h.first; k < h.content_end; ++k) {
    const Morph& m = p.morphs[k];
    if (m.pos2 == "人名" || c.in("agent", m.base) || c.in("agent", m.surface)) return true;
  }
  return c.in("agent", h.lemma);
}

// 安全だと言われることが多い, そう言われることもあります, 指摘されることが少なくない: a verb
// of saying in the impersonal passive before こと and a predicate of frequency or existence
// (ある, 多い, 少なくない): what is said at times, reported whoever says it.
bool said_at_times(Ctx& c) {
  const Predicate& p = c.p;
  int vi = p.head - 1;
  while (vi > 0 && p.chunks[vi].kind == Chunk::Kind::adverb) --vi;  // (ことがよくある)
  if (vi < 0) return false;
  const Chunk& v = p.chunks[vi];
  if (v.kind != Chunk::Kind::verb || !(c.in("speech", v.lemma) || c.in("rumoured", v.lemma))) return false;
  std::string_view t = v.tail;
  bool passive = t.starts_with("れる") || t.starts_with("られる") || t.starts_with("れ") || t.starts_with("られ");
  if (!passive || t.find("こと") == std::string_view::npos) return false;
  const std::string& L = p.chunks[p.head].lemma;
  if (!(L == "ある" || L == "多い" || L == "少ない" || L == "珍しい" || L == "よくある")) return false;
  // 少ない/珍しい only in the negative (少なくない: often); ある, 多い in the affirmative
  bool neg = p.negative;
  if ((L == "少ない" || L == "珍しい") != neg) return false;
  c.hit(Category::reported, 0.75, p.chunk_begin(vi), c.head_end(), "speech",
        v.lemma + " in the passive + ことが" + L + ": what is said at times");
  return true;
}

// Whether a noun chunk names a person or a body: a name MeCab knows as one (人名, 組織), a
// role or a name suffix (専門家, さん), 人/方/者, or an organisation's suffix (社, 省, 県警).
bool names_someone(const Ctx& c, const Chunk& ch) {
  if (ch.lemma == "人" || ch.lemma == "方" || ch.lemma == "者" || c.in("agent", ch.lemma)) return true;
  for (std::size_t k = ch.first; k < ch.content_end; ++k) {
    const Morph& m = c.p.morphs[k];
    if (m.pos2 == "人名" || m.pos2 == "組織" || c.in("agent", m.base) || c.in("agent", m.surface)) return true;
  }
  return organisation(ch.lemma);
}

bool noun_predicate(Ctx& c) {
  const Predicate& p = c.p;
  const Chunk& h = p.chunks[p.head];
  const std::string& L = h.lemma;
  std::size_t hb = c.head_begin(), he = c.head_end();
  if (quoted_noun(c)) return true;
  if (int cleft = p.quote < 0 ? quoting_cleft(c) : 0) {
    c.hit(Category::reported, 0.8, hb, he, cleft == 2 ? "pointer" : "speech", "「…」と…のは X だ: a cleft whose clause quotes X");
    return true;
  }
  if (speaker_at_end(c)) {
    c.hit(Category::reported, 0.8, hb, he, "speech", "「…」と叫ぶ翔太: the person the sentence ends on, quoted by its relative clause");
    return true;
  }
  const Chunk* owner = p.head > 0 ? &p.chunks[p.head - 1] : nullptr;
  bool owned = owner && owner->kind == Chunk::Kind::noun && owner->tail == "の" && p.morphs[owner->first].pos1 != "数" &&
               p.morphs[owner->first].pos1 != "代名詞" && p.morphs[owner->content_end - 1].pos1 != "数" &&
               std::string_view("一二三四五六七八九十何別").find(owner->lemma.substr(0, 3)) == std::string_view::npos;
  // 取材時点の情報です: a point in time before の says when, not whose
  if (owned) {
    const Morph& om = p.morphs[owner->content_end - 1];
    if (om.pos2 == "副詞可能") owned = false;
    for (auto* t : c.lex.of_kind("timenoun"))
      if (owner->lemma.ends_with(t->expression)) owned = false;
  }
  // 新しい薬の話です: a talk about something, not someone's account (関係者の話だ).
  if (owned && c.in("aboutness", L) && !names_someone(c, *owner)) owned = false;
  // お客様の声, 参加者の声 alone on a line, no copula and no stop: a title over what follows (as a
  // bare 今後の見通し is below), no one's words given.
  if (owned && h.tail.empty() && p.finals.empty() && c.s.core_end >= c.s.n.size()) owned = false;
  if (owned) {
    if (const Cue* r = c.cat("rumour", L)) {
      c.hit_from(r, Category::reported, 0.7, c.p.chunk_begin(p.head - 1), he, "", "Xの" + L + ": someone's view");
      return true;
    }
  }
  if (const Cue* e = epistemic_noun(c, L)) {
    if (p.negative) return true;
    // …する見通し(だ): a clause states what is projected; a bare 今後の見通し is a heading.
    bool clause = p.head > 0 &&
                  (p.chunks[p.head - 1].kind == Chunk::Kind::verb || p.chunks[p.head - 1].kind == Chunk::Kind::adjective) &&
                  !p.chunks[p.head - 1].quotative;
    if (!h.tail.empty() || clause) {
      c.hit_from(e, Category::speculation, 0.7, hb, he, "", "an epistemic noun as the predicate");
      return true;
    }
  }
  // 十分にありうる話だ: a noun whose relative clause says it can happen
  if (p.head > 0 && !p.negative) {
    const Chunk& rel = p.chunks[p.head - 1];
    if (rel.kind == Chunk::Kind::verb && (rel.tail.ends_with("得る") || rel.tail.ends_with("うる"))) {
      c.hit(Category::speculation, 0.8, p.chunk_begin(p.head - 1), he, "", "…得る + a noun: can happen");
      return true;
    }
  }
  // 鈴のようだ: a simile is an impression
  if (h.tail.starts_with("のよう") && !p.negative) {
    c.hit(Category::opinion, 0.5, hb, he, "", "a simile (Nのようだ): an impression");
    return true;
  }
  // 彼らしい: typical of someone, an evaluation
  if (h.tail.starts_with("らしい") && !p.has(Modal::hearsay)) {
    c.hit(Category::opinion, 0.5, hb, he, "", "Nらしい: typical of, an evaluation");
    return true;
  }
  // 素晴らしい一冊だ, 見事な演技だった: a noun predicate under an attributive word of evaluation
  // (the `evaluation` category: an adjective, or an adjectival noun + な): the writer's
  // evaluation (新しい駅だ, 十分な広さだ: a state or a measure, stated).
  if (p.head > 0 && !p.negative && p.marks.empty() && p.quote < 0) {
    const Chunk& attr = p.chunks[p.head - 1];
    if (attr.content_end > attr.first) {
      const Morph& m = p.morphs[attr.content_end - 1];
      bool adjective = attr.kind == Chunk::Kind::adjective && attr.tail.empty() && m.cform.starts_with("基本");
      bool adjectival = attr.kind == Chunk::Kind::noun && attr.tail == "な" && m.pos1 == "形容動詞語幹";
      if ((adjective || adjectival) && (c.in("evaluation", m.base) || c.in("evaluation", attr.lemma))) {
        c.hit(Category::opinion, 0.5, p.chunk_begin(p.head - 1), he, "", "a word of evaluation before the noun predicate (" + attr.lemma + ")");
        return true;
      }
    }
  }
  return false;
}

// 気がする: a feeling noun as the subject of する.
bool feeling(Ctx& c) {
  const Predicate& p = c.p;
  const std::string& L = p.chunks[p.head].lemma;
  if (!((L == "する" || L == "します") && p.head > 0)) return false;
  const Chunk& prev = p.chunks[p.head - 1];
  for (auto* f : c.lex.of_kind("feeling")) {
    if (f->cls == "none") continue;
    if ((prev.lemma == f->expression && (prev.particle == "が" || prev.particle == "も")) ||
        prev.tail.ends_with(f->expression + "が") || prev.tail.ends_with(f->expression + "も")) {
      c.hit_from(f, Category::speculation, 0.6, p.chunk_begin(p.head - 1), c.head_end(), "think",
                 f->expression + "がする: a feeling");
      return true;
    }
  }
  return false;
}

// …いただければ幸いです: a polite request (教えていただけると助かります: asks).
bool polite_request(Ctx& c) {
  const Predicate& p = c.p;
  if (p.head == 0) return false;
  const Chunk& prev = p.chunks[p.head - 1];
  if (!((prev.tail.ends_with("ば") || prev.tail.ends_with("と")) &&
        (prev.lemma == "いただける" || prev.lemma == "くださる" || prev.lemma == "もらえる" ||
         prev.tail.find("いただけれ") != std::string::npos || prev.tail.find("くだされ") != std::string::npos)))
    return false;
  if (c.in("telling", prev.lemma))
    c.hit(Category::question, 0.7, p.chunk_begin(p.head - 1), c.head_end(), "telling", "教えていただけると助かります: asks");
  else c.hit(Category::other, 0.8, p.chunk_begin(p.head - 1), c.head_end(), "request", "…いただければ幸いです: a polite request");
  return true;
}

// The subject: a hearsay noun or a voice spreading, an epistemic noun with a verb of being or
// growing (可能性が高い, 恐れもある, 可能性は否定できない; 可能性はない: categorical).
bool subject(Ctx& c) {
  const Predicate& p = c.p;
  if (p.subject < 0) return false;
  const Chunk& h = p.chunks[p.head];
  const std::string& L = h.lemma;
  std::size_t he = c.head_end();
  bool negative = p.negative || L == "ない" || L == "無い";
  const Chunk& sj = p.chunks[p.subject];
  bool attributed = p.subject > 0 && (p.chunks[p.subject - 1].quotative ||
                                      (p.subject > 1 && p.chunks[p.subject - 2].quotative &&
                                       p.chunks[p.subject - 1].kind == Chunk::Kind::verb));
  // (a verb of arriving takes a message only when a quotation says what it was: 意見が届いて
  // います names no claim)
  bool spreads = c.in("spread", L) || (c.in("arrive", L) && attributed);
  if (const Cue* r = noun_entry(c, "rumour", sj.lemma); r && spreads && !negative) {
    double strength = r->strength;
    c.hit(Category::reported, strength, attributed ? p.chunk_begin(p.subject - 1) : p.chunk_begin(p.subject), he, "",
          "a hearsay noun as the subject of a verb of spreading: a rumour");
    return true;
  }
  if (noun_entry(c, "voice", sj.lemma) && spreads && !negative && p.subject > 0 &&
      p.chunks[p.subject - 1].quotative) {
    c.hit(Category::reported, 0.75, p.chunk_begin(p.subject - 1), he, "",
          "という/との + a noun of what is voiced, as the subject of " + L);
    return true;
  }
  const Cue* ep = epistemic_noun(c, sj.lemma);
  if (!ep && sj.surface != sj.lemma) ep = epistemic_noun(c, sj.surface);
  if (const Cue* e = ep) {
    bool likely = c.in("likely", L) || (h.kind == Chunk::Kind::adjective && !negative);
    // (否めない is a potential of its own)
    bool cannot_exclude = p.negative && (p.potential || L == "捨てる" || L == "否める") &&
                          (L == "否定する" || L == "捨てる" || L == "排除する" || L == "否める");
    if (L == "ない" || L == "無い") likely = true;
    if (likely && (!negative || cannot_exclude)) {
      c.hit_from(e, Category::speculation, 0.9, p.chunk_begin(p.subject), he, "",
                 sj.lemma + " with " + L + (cannot_exclude ? " (cannot be ruled out)" : ""));
      return true;
    }
    if (likely && negative) return true;  // 可能性はない: a categorical negation
  }
  return false;
}

// The complement and the object: うわさになる, という話を聞いた (hearsay), 考えを示した,
// コメントを出した (a view shown or a statement issued).
bool complement_or_object(Ctx& c) {
  const Predicate& p = c.p;
  const std::string& L = p.chunks[p.head].lemma;
  std::size_t he = c.head_end();
  if (p.complement >= 0 && L == "なる" && p.complement > 0 && p.chunks[p.complement - 1].particle == "が" &&
      p.complement + 1 == p.head) {
    const Chunk& co = p.chunks[p.complement];
    if (const Cue* r = c.cat("rumour", co.lemma)) {
      c.hit_from(r, Category::reported, 0.75, p.chunk_begin(p.complement), he, "", "うわさになる: a rumour");
      return true;
    }
  }
  // という話を聞いた: a hearsay noun heard
  if (p.object >= 0 && verb_entry(c, "hearing")) {
    const Chunk& o = p.chunks[p.object];
    if (c.cat("rumour", o.lemma) && p.object > 0 && p.chunks[p.object - 1].quotative) {
      c.hit(Category::reported, 0.8, p.chunk_begin(p.object - 1), he, "", "という" + o.lemma + "を" + L + ": hearsay");
      return true;
    }
  }
  // という報告を受けた, との連絡をもらった: a message received, named by a quotation
  if (p.object > 0 && c.in("receive", L) && !p.negative && p.chunks[p.object - 1].quotative) {
    const Chunk& o = p.chunks[p.object];
    if (noun_entry(c, "voice", o.lemma) || noun_entry(c, "rumour", o.lemma)) {
      c.hit(Category::reported, 0.8, p.chunk_begin(p.object - 1), he, "", "という" + o.lemma + "を" + L + ": a message received");
      return true;
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
      return true;
    }
  }
  return false;
}

// An adjective of evaluation as the predicate (わざとらしかった), or ように見える / ように思える:
// it looks as if.
bool impression(Ctx& c) {
  const Predicate& p = c.p;
  const Chunk& h = p.chunks[p.head];
  const std::string& L = h.lemma;
  if (h.kind == Chunk::Kind::adjective && c.in("evaluation", L) && p.quote < 0 && p.marks.empty()) {
    c.hit(Category::opinion, 0.5, c.head_begin(), c.head_end(), "", "an adjective of evaluation as the predicate");
    return true;
  }
  // 使いにくい, 読みやすかった: a verb stem with an adjective of ease (the `evaluation` category)
  // as the predicate, nothing after it: how easy the thing is to use, the writer's evaluation.
  if (h.kind == Chunk::Kind::verb && h.content_end < h.last && p.quote < 0 && p.marks.empty() && !p.negative) {
    const Morph& ease = p.morphs[h.content_end];
    if (ease.pos == Pos::adjective && ease.pos1 == "非自立" && c.in("evaluation", ease.base)) {
      c.hit(Category::opinion, 0.5, c.head_begin(), c.head_end(), "", "a verb stem + " + std::string(ease.base) + ": an evaluation of ease");
      return true;
    }
  }
  // (…ように思う, 遠回りのように思う: the same, with a verb of thinking said now; over an
  // evaluation, 使いやすくなったように思う, the thought is an opinion, as with と思う)
  bool thinks = (L == "思う" || L == "おもう") && !p.past && !p.negative && !p.passive;
  if (p.head > 0 && (L == "見える" || L == "思える" || L == "感じる" || L == "感じられる" || thinks) &&
      p.chunks[p.head - 1].tail.ends_with("ように") && !p.has(Modal::question)) {
    const Chunk& what = p.chunks[p.head - 1];
    // The word that judges: an adjective (遅かった, 良くなった) or an adjectival noun in the
    // chunk, or, before a bare なる, in the chunk before it (使いやすく+なった); a verb stem
    // with an adjective of ease (使いやすい, 読みにくい: the `evaluation` category) judges too.
    auto judging_chunk = [&](const Chunk& ch) {
      for (std::size_t k = ch.first; k < ch.last; ++k) {
        const Morph& m = p.morphs[k];
        bool adjective = m.pos == Pos::adjective || (m.pos == Pos::noun && m.pos1 == "形容動詞語幹");
        if (adjective && judging_word(c, m, k + 1 == ch.content_end ? ch.lemma : std::string(m.base))) return true;
      }
      return false;
    };
    bool judged = judging_chunk(what) || (what.lemma == "なる" && what.first == what.content_end - 1 && p.head >= 2 &&
                                          judging_chunk(p.chunks[p.head - 2]));
    if (judged)
      c.hit(Category::opinion, 0.8, p.chunk_begin(p.head - 1), c.head_end(), "",
            "ように" + L + " over an evaluation (" + what.lemma + "): an opinion");
    else c.hit(Category::speculation, 0.7, p.chunk_begin(p.head - 1), c.head_end(), "", "ように" + L + ": it looks as if");
    return true;
  }
  return false;
}

// 「もう限界です」。ある職員は打ち明ける / 同社の広報担当者は記者団にそう語った-less: a verb
// of saying whose sayer (a person or a body named as its subject) says nothing in the
// sentence: no object, no quotation, no clause; only adverbs, modifiers of the sayer and
// where or to whom. What was said is the quotation beside it.
bool sayer_says_nothing(const Ctx& c) {
  const Predicate& p = c.p;
  if (!named_subject(p) || p.polite || p.object >= 0) return false;
  const Chunk& sj = p.chunks[p.subject];
  bool someone = person_noun(c, sj);
  for (std::size_t k = sj.first; k < sj.content_end && !someone; ++k)
    someone = p.morphs[k].pos2 == "人名" || p.morphs[k].pos2 == "組織" || c.in("agent", p.morphs[k].base);
  if (!someone) return false;
  for (int k = 0; k < p.head; ++k) {
    if (k == p.subject) continue;
    const Chunk& ch = p.chunks[k];
    if (ch.kind == Chunk::Kind::adverb) continue;
    if (ch.kind == Chunk::Kind::noun && (ch.tail == "の" || ch.tail == "に" || ch.tail == "で" || ch.tail == "にも"))
      continue;
    if (ch.kind == Chunk::Kind::other && ch.particle.empty()) continue;  // ある職員は
    return false;
  }
  return true;
}

// A verb of saying without a quotative particle: what it says is pointed at (こう振り返る,
// そう話した), asked for (注意するよう呼びかけた), nominalised (検討していることを明らか
// にした), or before the comma (…したと、社長は話す).
bool saying_unquoted(Ctx& c) {
  const Predicate& p = c.p;
  std::size_t hb = c.head_begin(), he = c.head_end();
  const Cue* sp = verb_entry(c, "speech");
  if (!(sp && sp->cls != "none" && !p.passive && p.quote < 0 && !p.has(Modal::wish) && !p.has(Modal::request) &&
        !p.negative))
    return false;
  // (READMEにもそう書きました: the speaker's own act, told in the polite form without a subject)
  if (points_at_quote(c) && (named_subject(p) || !p.polite)) {
    c.hit(Category::reported, 0.8, hb, he, "pointer", "こう/そう + a verb of saying: the words quoted around it");
    return true;
  }
  if (sayer_says_nothing(c)) {
    c.hit(Category::reported, 0.8, p.chunk_begin(p.subject), he, "pointer",
          "X は + a verb of saying with nothing said: the words quoted beside it");
    return true;
  }
  for (int k = p.head - 1; k >= 0; --k) {
    const Chunk& ch = p.chunks[k];
    if (ch.kind == Chunk::Kind::adverb) continue;
    if ((ch.kind == Chunk::Kind::verb || ch.kind == Chunk::Kind::adjective) &&
        (ch.tail.ends_with("よう") || ch.tail.ends_with("ように")) && !ch.tail.ends_with("のように")) {
      if (!named_subject(p) && p.polite) break;  // 確認するようお願いします: the speaker's own request
      c.hit(Category::reported, 0.8, p.chunk_begin(k), he, "directive", "…よう(に) + a verb of saying: a request reported");
      return true;
    }
    break;
  }
  if (p.object >= 0) {
    const Chunk& o = p.chunks[p.object];
    std::string_view nominaliser = o.last >= o.first + 2 ? std::string_view(p.morphs[o.last - 2].surface) : "";
    if (o.kind != Chunk::Kind::noun && p.morphs[o.last - 1].surface == "を" && o.last - 2 >= o.content_end &&
        (nominaliser == "こと" || nominaliser == "の") && (named_subject(p) || !p.polite)) {
      c.hit(Category::reported, 0.8, p.chunk_begin(p.object), he, "speech", "…ことを + a verb of saying: what is said, nominalised");
      return true;
    }
  }
  if (quote_before_window(c) && (has_topic(p) || p.head == 0)) {
    c.hit(Category::reported, 0.8, hb, he, "speech", "…と、X は + a verb of saying: the quotation before the comma");
    return true;
  }
  return false;
}

// A verb predicate: suspected or expected in the passive, a verb of saying that points at the
// words or has none, a finding of a named study, a denial, what is said (言われている).
void verb_predicate(Ctx& c) {
  const Predicate& p = c.p;
  const Chunk& h = p.chunks[p.head];
  const std::string& L = h.lemma;
  std::size_t hb = c.head_begin(), he = c.head_end();
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
  // 増収を見込んでいます, 1万人の来場を予想しております: a verb of forecasting with what it
  // projects as its object, said now: the speaker's own estimate when said politely
  // (speculation), a named person's or body's when told in the plain form (同社は…を見込んで
  // いる: reported), like …と見込む.
  if (const Cue* e = c.lex.word("estimate", L); e && e->cls != "none" && c.in("forecast", L) && p.object >= 0 &&
                                                 p.quote < 0 && !p.passive && !p.past && !p.negative &&
                                                 !p.has(Modal::wish) && !p.has(Modal::request) && !p.has(Modal::question)) {
    if (!p.polite && third_person_topic(c, p.chunk_begin(p.object)))
      c.hit(Category::reported, 0.8, p.chunk_begin(p.object), he, "speech", "someone's forecast (…を" + L + "): reported");
    else if (p.polite)
      c.hit(Category::speculation, 0.7, p.chunk_begin(p.object), he, "", "…を" + L + ": the speaker's own forecast");
    // (told in the plain form with no one named: a plan's figure, stated)
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
  if (saying_unquoted(c)) return;
  // そう聞いています, 取引先から聞いております: a verb of hearing with no quotation, pointing
  // back at the words (そう, そのように) or naming whom they came from (Xから, Xより; only the
  // verbs that also tell, 聞く and 伺う: 屋上から見た saw): hearsay.
  if (const Cue* hv = verb_entry(c, "hearing"); hv && hv->cls != "none" && p.quote < 0 && !p.negative && !p.passive &&
                                                 !p.has(Modal::wish) && !p.has(Modal::request) && !p.has(Modal::question)) {
    bool from = false;
    if (c.in("telling", L))
      for (int k = 0; k < p.head; ++k) {
        const Chunk& ch = p.chunks[k];
        if (ch.kind == Chunk::Kind::noun && (ch.tail == "から" || ch.tail == "からは" || ch.tail == "より" || ch.tail == "からも"))
          from = true;
      }
    // (…危ないって、整備工場の人に聞きました: the words before the comma)
    if (!from && p.subject < 0 && quote_before_window(c)) from = true;
    if (points_at_quote(c) || from) {
      c.hit(Category::reported, 0.8, hb, he, from ? "" : "pointer",
            from ? "X から + a verb of hearing: heard from someone" : "そう + a verb of hearing: the words heard");
      return;
    }
  }
  // ある研究では、…ことが分かった: a finding of a named study, reported
  if (!p.negative && finding(c)) {
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
  // 白書では、…が課題として挙げられている, 報告書では…と指摘されている: a study or a document
  // named, then what is said or listed in it, in the passive
  if (p.passive && !p.negative && (c.in("speech", L) || c.in("discourse", L)) && source_topic(c, hb)) {
    c.hit(Category::reported, 0.8, hb, he, "speech", "a study or a document named, then what is said in it (passive)");
    return;
  }
  if (const Cue* d = c.cat("denial", L); d && !p.passive) {
    // 否定していない, 謝罪しなかった: the sentence says no denial or apology was made, the
    // writer's own statement (fact); 認めていない (an admission in the negative: the
    // 'admission' category) is itself a denial, reported.
    if (p.negative && !p.potential && !c.in("admission", L)) return;
    c.hit_from(d, Category::reported, 0.85, hb, he, "", "a verb of denying or admitting");
    return;
  }
  bool perfect = h.tail.find("てき") != std::string::npos || h.tail.find("でき") != std::string::npos;
  // (…といったケースも報告されている: a quotation that names the subject is no complement)
  if (c.in("rumoured", L) && p.passive && (p.quote < 0 || p.quote_attributive) && (!p.past || perfect || p.progressive))
    c.hit(Category::reported, 0.75, hb, he, "", L + " in the impersonal passive: what is said");
}

}  // namespace

void arguments(Ctx& c) {
  const Chunk& h = c.p.chunks[c.p.head];
  if (people_who_say(c) || said_at_times(c)) return;
  if (h.kind == Chunk::Kind::noun && noun_predicate(c)) return;
  if (feeling(c) || polite_request(c) || subject(c) || complement_or_object(c) || impression(c)) return;
  if (h.kind == Chunk::Kind::verb) verb_predicate(c);
}

}  // namespace jatei::claims::grammar
