// The predicate with a quotative complement (と, って, とか, などと): what the verb that takes
// the quotation makes of it (grammar.hpp: quotative). One function a kind of verb: thinking,
// estimating, saying or denying, する (としている, とされる), and the rest.
#include <cstdlib>
#include <optional>

#include "claims/grammar.hpp"
#include "claims/source.hpp"
#include "jatei/text.hpp"

namespace jatei::claims::grammar {

using namespace text;

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

// The sentence's topic, the first noun before は (or before が and a comma), before qb, names
// people (多くの住民が、…と心配している, 県の担当者は…とみている): a person's name (MeCab's
// 人名), a role noun (`agent`) or a compound ending in a noun of people (`person`: 利用者).
// (A body is left out: an office answering in its own name, 市は…と考えています, gives its
// own view. A が without a comma may be inside a relative clause: Xが公開している手法は.)
bool people_first_topic(const Ctx& c, std::size_t qb) {
  if (qb <= c.s.body) return false;
  // The predicate's own analysis where its window reaches back (from its start, or from the
  // sentence's when the window holds the whole); only the part before it is analysed again.
  const Predicate& p = c.p;
  std::size_t from = std::max(p.begin, c.s.body);
  std::vector<Morph> ms;
  if (from > c.s.body) analyse_morphs(c.s.n.substr(c.s.body, from - c.s.body), ms);
  for (Morph& m : ms) m.begin += c.s.body, m.end += c.s.body;
  for (const Morph& m : p.morphs)
    if (m.begin >= from && m.end <= qb) ms.push_back(m);
  std::size_t run = 0;  // nouns before the current morph
  for (std::size_t k = 0; k < ms.size(); ++k) {
    const Morph& m = ms[k];
    if (m.pos == Pos::noun || m.pos == Pos::prefix) {
      ++run;
      continue;
    }
    bool topic = m.surface == "は" || (m.surface == "が" && k + 1 < ms.size() && ms[k + 1].surface == "、");
    if (m.pos == Pos::particle && topic && run > 0) {
      const Morph& last = ms[k - 1];
      return last.pos2 == "人名" || c.in("agent", last.base) || (run >= 2 && c.in("person", last.base));
    }
    if (m.pos == Pos::particle && (m.surface == "は" || m.surface == "が")) return false;
    run = 0;
  }
  return false;
}

namespace {

// Where the quotation starts, where the predicate ends, and the morph before the quotative
// particle: what every rule below reads.
struct Quote {
  std::size_t qb, he;
  const Morph* bq;
};

// この魚を地元では「ガンゾウ」と言います, これを「逆転層」といいます: 言う in the present with an
// object (を) before the brackets and a name inside them (a noun, in a few characters) names a
// thing, as 呼ぶ does; it reports no words.
bool names_with_iu(const Ctx& c) {
  const Predicate& p = c.p;
  const std::string& L = p.chunks[p.head].lemma;
  if (!((L == "言う" || L == "いう") && p.quote_after_bracket && !p.past && !p.passive && !p.negative)) return false;
  const Sent& s = c.s;
  std::size_t qb = c.quote_begin();
  // the brackets just before the quotative particle
  const std::pair<std::size_t, std::size_t>* q = nullptr;
  for (auto& x : s.quotes)
    if (x.second < qb && (!q || x.second > q->second)) q = &x;
  if (!q || next(s.n, q->second) != qb) return false;
  std::string_view inner = s.n.substr(q->first, q->second - q->first);
  inner.remove_prefix(next(inner, 0));
  if (inner.empty() || length(inner) > 12 || s.in_quote(q->first)) return false;
  // the name: a noun (not an adjectival one, 無理, 平気: what someone says of something), or a
  // word without hiragana (ゴリ, 逆転層)
  std::vector<Morph> m;
  analyse_morphs(inner, m);
  bool kana = false;
  for (std::size_t i = 0; i < inner.size(); i = next(inner, i)) kana = kana || is_hiragana(at(inner, i));
  bool noun = !m.empty() && m.back().pos == Pos::noun && m.back().pos1 != "形容動詞語幹" && m.back().pos1 != "ナイ形容詞語幹";
  if (!noun && (kana || m.size() != 1)) return false;
  // the object: を in the clause of 言う, nothing that inflects between it and the brackets
  // (何を聞いても「平気」と言う: the を is the object of 聞く)
  std::string_view before = s.n.substr(s.body, q->first - s.body);
  std::size_t o = before.rfind("を");
  if (o == std::string_view::npos) return false;
  analyse_morphs(before.substr(o + std::string_view("を").size()), m);
  for (auto& x : m)
    if (x.pos == Pos::verb || x.pos == Pos::adjective || x.pos == Pos::auxiliary) return false;
  return true;
}

// 県警は、…とみて調べている: a body's view, in the て-form before what it does about it.
bool body_view(Ctx& c, const Quote& w) {
  const Predicate& p = c.p;
  if (!(p.quote + 1 < p.head && !p.negative)) return false;
  const Chunk& v = p.chunks[p.quote + 1];
  if (!(v.kind == Chunk::Kind::verb && (v.tail == "て" || v.tail == "で") && c.in("thinking", v.lemma) &&
        third_person_topic(c, w.qb)))
    return false;
  c.hit(Category::reported, 0.8, w.qb, w.he, "speech", "a named body's view (と" + v.lemma + "て …): reported");
  return true;
}

// The word the quotation ends on, under its copula, final particles and negation (良心的だと,
// 難しいかなと, 良くないと, 大事なのかなと), or the adjective over a formal or a plain noun
// (ありがたいことだと, 読んでほしい一冊だと): whether it judges. An obligation (しないといけない,
// なければならない, べきだ) is a stance too.
bool judged_quotation(const Ctx& c, const Morph* bq) {
  const Predicate& p = c.p;
  if (!bq) return false;
  const Chunk& q = p.chunks[p.quote];
  for (std::string_view must : {"ないといけない", "なければならない", "なければいけない", "なくてはならない",
                                "なくてはいけない", "なきゃ", "ねばならない", "ざるを得ない", "べき"})
    if (q.tail.find(must) != std::string::npos) return true;
  {
    // a word the lexicon has as written, whatever MeCab makes of it (欠かせない: 欠く+せる+ない)
    std::string written;
    for (const Morph* x = &p.morphs[q.first]; x <= bq; ++x) written += x->surface;
    if (c.in("evaluation", written)) return true;
  }
  const Morph* first = &p.morphs[p.quote > 0 ? p.chunks[p.quote - 1].first : q.first];
  const Morph* m = bq;
  auto skippable = [](const Morph& x) {
    if (x.pos == Pos::particle && (x.surface == "か" || x.surface == "な" || x.surface == "ね" || x.surface == "よ" || x.surface == "なあ"))
      return true;
    return x.pos == Pos::auxiliary && (x.base == "だ" || x.base == "です" || x.base == "ない");
  };
  while (m > first && skippable(*m)) --m;
  // …なのかな, …なんだ: the explanatory の after a copula
  if (m > first && m->pos == Pos::noun && (m->surface == "の" || m->surface == "ん") && (m - 1)->pos == Pos::auxiliary &&
      (m - 1)->base == "だ") {
    --m;
    while (m > first && skippable(*m)) --m;
  }
  if (m == bq && bq->pos == Pos::particle) return false;
  // a formal noun (こと, もの) or a noun the adjective qualifies (一冊, 作品): the adjective before it
  if (m->pos == Pos::noun && m->pos1 != "形容動詞語幹" && m->pos2 != "形容動詞語幹" && m > first &&
      !c.in("evaluation", m->base)) {
    const Morph* n = m;
    while (n > first && n->pos == Pos::noun && (n->pos1 == "接尾" || n->pos1 == "数" || n->pos1 == "非自立")) --n;
    if (n->pos == Pos::noun && n != m && n->pos1 != "数") return false;
    if (n->pos == Pos::noun) --n;
    // Xの一つ (選択肢の一つだと): one of X is judged as X is
    bool one = m->surface == "一つ" || m->surface == "ひとつ" || (m->surface == "つ" && m > first && (m - 1)->surface == "一");
    if (one && n->pos == Pos::particle && n->surface == "の" && n > first && (n - 1)->pos == Pos::noun)
      return c.in("evaluation", (n - 1)->base);
    if (!(n->pos == Pos::adjective && n->cform.starts_with("基本"))) return false;
    m = n;
  }
  std::string word = m == &p.morphs[q.content_end > q.first ? q.content_end - 1 : q.first] ? q.lemma : std::string(m->base);
  return judging_word(c, *m, word);
}

// What is thought is an evaluation (うれしいと思う, 必要があると思う): an opinion, unless it is a
// permission (…てもいい, なくていい: a hedge of advice).
bool evaluation_thought(const Ctx& c, const Morph* bq) {
  const Predicate& p = c.p;
  const Chunk& q = p.chunks[p.quote];
  bool evaluation = c.in("evaluation", q.lemma) || (bq && c.in("evaluation", bq->base)) || judged_quotation(c, bq) ||
                    (p.quote > 0 && p.chunks[p.quote - 1].kind == Chunk::Kind::adjective &&
                     p.chunks[p.quote - 1].tail.empty() && c.in("evaluation", p.chunks[p.quote - 1].lemma)) ||
                    // 必要があると思う, 意味がないと思う
                    (p.quote > 0 && (q.lemma == "ある" || q.lemma == "ない") &&
                     c.in("evaluation", p.chunks[p.quote - 1].lemma)) ||
                    // いい経験になったと思う, 良いきっかけになると思う: what it became is judged
                    (p.quote > 1 && q.lemma == "なる" && p.chunks[p.quote - 1].kind == Chunk::Kind::noun &&
                     p.chunks[p.quote - 2].kind == Chunk::Kind::adjective && p.chunks[p.quote - 2].tail.empty() &&
                     c.in("evaluation", p.chunks[p.quote - 2].lemma));
  // …てもいい / なくていい: a permission, not an evaluation (なくていいと思う hedges advice)
  if (evaluation && bq && (bq->base == "いい" || bq->base == "よい" || bq->base == "良い") && &*bq > &p.morphs.front()) {
    const Morph& pm = *(bq - 1);
    if (pm.pos == Pos::particle && (pm.surface == "て" || pm.surface == "で" || pm.surface == "も")) evaluation = false;
  }
  return evaluation;
}

// A verb of thinking (と思う, とみている, と考えられる): a request, a wish, an intention, an
// opinion, an impersonal view, someone's view, a narrated thought or the speaker's hedge.
bool thought(Ctx& c, const Cue& t, const Quote& w) {
  const Predicate& p = c.p;
  const std::string& L = p.chunks[p.head].lemma;
  const Chunk& q = p.chunks[p.quote];
  std::size_t qb = w.qb, he = w.he;
  const Morph* bq = w.bq;
  if (p.quote_after_wish && bq && (bq->surface == "ば" || bq->surface == "たら" || bq->surface == "だら")) {
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
  if (t.cls == "none") return false;
  if (!p.passive && !p.negative && evaluation_thought(c, bq)) {
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
  // form, is reported (the speaker's own view is polite or has no such topic); held now, in
  // the polite progressive of a narration (田中さんは、…と考えています), it is theirs too.
  if ((!p.polite || p.progressive) && (p.progressive || p.past) && !p.experience &&
      (third_person_topic(c, qb) || people_first_topic(c, qb))) {
    c.hit(Category::reported, 0.8, qb, he, "speech", "a named person's or body's view (と" + L + "): reported");
    return true;
  }
  if (p.past && !p.experience) return true;  // a narrated past thought: told as a fact
  if (p.negative) {
    c.hit(Category::opinion, 0.6, qb, he, "", "とは思わない: an evaluation");
    return true;
  }
  c.hit_from(&t, Category::speculation, 0.8, qb, he, "think", "a verb of thinking: the speaker's own view");
  return true;
}

// A verb of estimating (と予想される, と見込む, と試算している): an estimate, someone's or the
// speaker's own.
bool estimate(Ctx& c, const Cue& e, const Quote& w) {
  const Predicate& p = c.p;
  const std::string& L = p.chunks[p.head].lemma;
  std::size_t qb = w.qb, he = w.he;
  if (e.cls == "none") return false;
  bool someone = p.quote_after_bracket || (p.subject >= 0 && p.subject > p.quote) ||
                 ((!p.polite || p.progressive) && !p.passive && third_person_topic(c, qb));
  if (p.passive) c.hit(Category::speculation, 0.85, qb, he, "", "と" + L + " in the passive: an estimate");
  else if (someone) c.hit(Category::reported, 0.8, qb, he, "speech", "someone's estimate: " + L);
  else if (e.cls == "reported" && (p.past || p.progressive) && !p.polite)  // (試算しております: the speaker's own)
    c.hit(Category::reported, e.strength, qb, he, "speech", "a source's figure: " + L);
  else c.hit(Category::speculation, e.strength, qb, he, "", "a verb of estimating: the speaker's own estimate");
  return true;
}

// A verb of judging (と判断した, 判決は…を違法と認定した): the finding of a court, a body or a
// person, told in the plain form of a report, is reported; the speaker's own, told politely
// without such a topic (点検では14か所を危険箇所と判断しました), is told as a fact.
bool judgement(Ctx& c, const Cue& j, const Quote& w) {
  const Predicate& p = c.p;
  const std::string& L = p.chunks[p.head].lemma;
  if (j.cls == "none" || p.passive) return false;
  if (p.polite && !third_person_topic(c, w.qb)) return true;
  c.hit_from(&j, Category::reported, 0.8, w.qb, w.he, "speech", "a finding or a judgement (と" + L + "): reported");
  return true;
}

// A verb of saying or denying (と言う, と話した, と否定した): reported, unless it cannot rule
// out (ないとは言えない), wishes to say (言いたい) or names a partner (友人と話した). Nothing
// when the verb is neither.
std::optional<bool> saying(Ctx& c, const Quote& w) {
  const Predicate& p = c.p;
  const std::string& L = p.chunks[p.head].lemma;
  std::size_t qb = w.qb, he = w.he;
  const Morph* bq = w.bq;
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
  if (!speech && !denial) return std::nullopt;
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

// …とは言い切れない, …とも断言できない: a verb of saying for certain (the `assertion` category)
// in the potential negative (できない, or 切れない after its stem: 言い+切れない), said now, with no
// one else the sentence opens with: the speaker cannot say it for certain, a hedge like とは
// 限らない; the と is no quotation of anyone's words.
bool cannot_assert(Ctx& c, const Quote& w) {
  const Predicate& p = c.p;
  const Chunk& h = p.chunks[p.head];
  if (!(p.negative && !p.past && !p.passive && h.kind == Chunk::Kind::verb) || p.has(Modal::question)) return false;
  std::string lemma = h.lemma;
  bool potential = p.potential;
  // 言い+切れない: ipadic reads 切れる after the stem as a function word of the verb
  if (!potential && h.content_end < h.last && h.content_end > h.first) {
    const Morph& stem = p.morphs[h.content_end - 1];
    const Morph& after = p.morphs[h.content_end];
    if (stem.pos == Pos::verb && stem.cform == "連用形" && after.pos == Pos::verb &&
        (after.base == "切れる" || after.base == "きれる")) {
      lemma = std::string(stem.surface) + "切る";
      potential = true;
    }
  }
  const Cue* a = potential ? c.cat("assertion", lemma) : nullptr;
  if (!a || third_person_topic(c, w.qb)) return false;
  c.hit_from(a, Category::speculation, 0.8, w.qb, w.he, "", "とは" + lemma + " in the potential negative: cannot be said for certain");
  return true;
}

// …避けられないだろうと覚悟している, …のではないかと危惧する: the quotation carries its own
// hedge and the verb is the speaker's attitude to it (not saying, not a past thought).
bool hedged_quotation(Ctx& c, const Quote& w) {
  const Predicate& p = c.p;
  const Chunk& h = p.chunks[p.head];
  const std::string& L = h.lemma;
  if (!(h.kind == Chunk::Kind::verb && !p.past && !p.passive && L != "する" && L != "なる")) return false;
  const std::string& qt = p.chunks[p.quote].tail;
  if (qt.find("だろう") != std::string::npos || qt.find("でしょう") != std::string::npos ||
      qt.find("かもしれない") != std::string::npos || qt.find("ではないか") != std::string::npos ||
      qt.find("じゃないか") != std::string::npos || qt.find("のではないか") != std::string::npos) {
    c.hit(Category::speculation, 0.7, w.qb, w.he, "", "a hedged quotation under " + L + ": the speaker's guess");
    return true;
  }
  // …あり得るものと承知しております, …可能性があるものと認識している: a verb of knowing or
  // recognising (`recognition`) over a quotation that is itself a possibility (a stem + 得る, an
  // epistemic noun with a verb of being) states no more than the possibility: a hedge.
  if (!p.negative && c.in("recognition", L)) {
    const Chunk& q = p.chunks[p.quote];
    for (std::size_t k = q.first + 1; k < q.last; ++k) {
      const Morph& m = p.morphs[k];
      if (m.pos == Pos::verb && (m.base == "得る" || m.base == "うる") && p.morphs[k - 1].cform == "連用形") {
        c.hit(Category::speculation, 0.7, w.qb, w.he, "", "a possibility (a stem + 得る) under " + L + ": a hedge");
        return true;
      }
    }
    if (p.quote > 0 && c.in("likely", q.lemma) && epistemic_noun(c, p.chunks[p.quote - 1].lemma)) {
      c.hit(Category::speculation, 0.7, w.qb, w.he, "", "an epistemic noun under " + L + ": a hedge");
      return true;
    }
  }
  return false;
}

// とされる in the passive: a received estimate (a figure), a rule (a rule noun or a formal
// noun), or a received view, attributed to sources the sentence does not name (a past event
// too: …整備不良だったとされる reports what is said of it, like …誤訳が残るとされる); the
// quotation's own hedge (…だろうとされる, …かもしれないとされる) makes it speculation.
void tosareru(Ctx& c, const Quote& w) {
  const Predicate& p = c.p;
  std::size_t qb = w.qb, he = w.he;
  const Morph* bq = w.bq;
  {
    const std::string& qt = p.chunks[p.quote].tail;
    for (std::string_view hedge : {"だろう", "でしょう", "かもしれない", "かも", "らしい", "ようだ", "みたいだ"})
      if (qt.find(hedge) != std::string::npos) {
        c.hit(Category::speculation, 0.8, qb, he, "", "a hedged quotation + とされる: a guess");
        return;
      }
  }
  // この規則では、年会費は3000円とされています: a provision of the text that frames the sentence
  if (rule_text_frame(c.s, c.lex, qb)) {
    c.hit(Category::fact, 0.8, qb, he, "rule", "とされる in the frame of a text that lays down rules: states a rule");
    return;
  }
  // 1日3グラムまでとされる, 30分以内とされている: a figure as a limit is a rule
  if (bq && (bq->base == "まで" || bq->base == "以内" || bq->base == "以下" || bq->base == "未満" || bq->base == "以上")) {
    c.hit(Category::fact, 0.8, qb, he, "rule", "a limit (まで, 以内) + とされる: states a rule");
    return;
  }
  bool nominal = bq && (bq->pos == Pos::noun);
  bool figure = bq && (bq->pos1 == "数" || (bq->pos1 == "接尾" && &*bq > &p.morphs.front() && (bq - 1)->pos1 == "数"));
  if (nominal && figure) {
    c.hit(Category::reported, 0.6, qb, he, "", "a figure + とされる: a received estimate");
    return;
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
    return;
  }
  if (bq && bq->pos == Pos::auxiliary && bq->base == "た") {
    c.hit(Category::reported, 0.6, qb, he, "", "a past event + とされる: what unnamed sources say happened");
    return;
  }
  c.hit(Category::reported, 0.6, qb, he, "", "とされる: a received view");
}

// とする (としている, とした, とされる): the source's position, or a decision (中止とした).
bool to_suru(Ctx& c, const Quote& w) {
  const Predicate& p = c.p;
  if (p.quote_after_volitional) return true;  // しようとしている: about to
  if (p.passive) {
    tosareru(c, w);
    return true;
  }
  bool nominal = w.bq && (w.bq->pos == Pos::noun);
  // 市は、再開は困難としている / 同社は、原因を調査中としている: a state the source ascribes
  // (an adjectival noun, a noun + 中), said now, is its position; 中止とした (past) decided,
  // 高齢者を対象としている names a role.
  bool state = nominal && (w.bq->pos1 == "形容動詞語幹" || (w.bq->pos1 == "接尾" && w.bq->surface == "中"));
  if (state && p.progressive && !p.past) {
    c.hit(Category::reported, 0.75, w.qb, w.he, "", "a state + としている: the source's position");
    return true;
  }
  if (nominal && !p.quote_after_bracket) return false;  // 中止とした: decided
  c.hit(Category::reported, 0.75, w.qb, w.he, "", "としている: the source's position");
  return true;
}

// Any other verb after a quotation: 見通しとなった (an epistemic noun), 「…」とあった (what a
// text says), 「…」と笑った (a quotation and a verb).
bool other_verb(Ctx& c, const Quote& w) {
  const Predicate& p = c.p;
  const Chunk& h = p.chunks[p.head];
  const std::string& L = h.lemma;
  const Chunk& q = p.chunks[p.quote];
  std::size_t qb = w.qb, he = w.he;
  // なる after an epistemic noun: 見通しとなった
  if (L == "なる") {
    if (const Cue* e = epistemic_noun(c, q.lemma)) {
      c.hit_from(e, Category::speculation, 0.7, p.chunk_begin(p.quote), he, "", q.lemma + "となった: projected");
      return true;
    }
  }
  if (p.quote_after_bracket && h.kind == Chunk::Kind::verb && L != "なる" && L != "ある" && L != "いう" && L != "言う" &&
      !c.in("relation", L)) {
    c.hit(Category::reported, 0.8, qb, he, "", "a quotation 「…」 followed by と and a verb");
    return true;
  }
  return false;
}

// 投稿には「…」とあった, 説明書には、水洗いできるとある: what a text says (「A」と「B」がある lists
// two things: ある takes a subject there, not the quotation). Before the conditional と, which
// MeCab may read in the same place (…整うとある).
bool text_says(Ctx& c, const Quote& w) {
  const Predicate& p = c.p;
  const std::string& L = p.chunks[p.head].lemma;
  const Chunk& q = p.chunks[p.quote];
  std::size_t qb = w.qb, he = w.he;
  const Morph* bq = w.bq;
  bool clause = q.quote_particle == "と" && bq &&
                (bq->pos == Pos::verb || bq->pos == Pos::auxiliary || bq->pos == Pos::adjective);
  if (L == "ある" && (p.quote_after_bracket || clause) && p.quote == p.head - 1 && !p.negative) {
    c.hit(Category::reported, 0.8, qb, he, "", "「…」とある: what a text says");
    return true;
  }
  return false;
}

}  // namespace

// The predicate with a quotative complement (と, って, とか, などと).
bool quotative(Ctx& c) {
  const Predicate& p = c.p;
  if (p.quote < 0) return false;
  const std::string& L = p.chunks[p.head].lemma;
  const Quote w{c.quote_begin(), c.head_end(), before_quote(p)};
  const Chunk& q = p.chunks[p.quote];
  if (p.quote_attributive) return false;
  // 「…」と訳されても困ります, バカだと言われても気にしません, そう言われれば…: the quotation
  // hangs on a verb in a concessive or conditional clause, not on the main predicate, which
  // decides alone.
  if (p.quote + 1 < p.head) {
    const Chunk& v = p.chunks[p.quote + 1];
    if (v.kind == Chunk::Kind::verb && conditional_tail(v.tail)) return false;
  }
  if (body_view(c, w)) return true;
  // Naming: 「…」と呼ぶ, Xと名付ける
  if (L == "呼ぶ" || L == "名付ける" || L == "称する" || L == "名乗る") return true;
  // よく「…」と聞かれます, 出身はどこかと尋ねられた: a verb of asking or hearing in the passive
  // with a quotation is being asked, the speaker's own experience; nothing is heard from anyone.
  if (p.passive && (L == "聞く" || L == "きく" || c.in("ask", L)) && !p.negative) {
    c.hit(Category::fact, 0.7, w.qb, w.he, "asked", "「…」と聞かれる: being asked, not hearsay");
    return true;
  }
  if (names_with_iu(c)) {
    c.hit(Category::fact, 0.8, w.qb, w.he, "naming", "…を「X」と言う: names a thing, reports no words");
    return true;
  }
  // とは限らない: not necessarily
  if (L == "限る" && p.negative) {
    c.hit(Category::speculation, 0.8, w.qb, w.he, "", "とは限らない: not necessarily");
    return true;
  }
  // として is a quotation only after a predicate (おそれがあるとして), not after a noun or a
  // bracket (「迷惑メッセージ」として: as).
  const Morph* bq = w.bq;
  if (q.quote_particle == "として" && (p.quote_after_noun || p.quote_after_bracket || !bq ||
                                     !(bq->pos == Pos::verb || bq->pos == Pos::adjective || bq->pos == Pos::auxiliary)))
    return false;
  if (cannot_assert(c, w)) return true;
  if (const Cue* t = c.lex.word("thinking", L)) return thought(c, *t, w);
  if (const Cue* e = c.lex.word("estimate", L)) return estimate(c, *e, w);
  if (const Cue* j = c.lex.word("judging", L)) return judgement(c, *j, w);
  if (auto said = saying(c, w)) return *said;
  if (const Cue* m = manner_of(c)) {
    c.hit_from(m, Category::reported, 0.85, w.qb, w.he, "", "a manner of saying after a quotation");
    return true;
  }
  if (const Cue* hv = verb_entry(c, "hearing"); hv && hv->cls != "none") {
    c.hit_from(hv, Category::reported, 0.8, w.qb, w.he, "", "a verb of hearing with a quotation: hearsay");
    return true;
  }
  if (hedged_quotation(c, w) || text_says(c, w)) return true;
  // A conditional と (すると) is no quotation, unless a verb of saying, thinking or hearing
  // takes it (above).
  for (std::size_t k = q.content_end; k < q.last; ++k)
    if (p.morphs[k].surface == "と" && p.morphs[k].pos1 == "接続助詞") return false;
  if (L == "する" || L == "なす") return to_suru(c, w);
  return other_verb(c, w);
}

}  // namespace jatei::claims::grammar
