// Who said it: the source a reported sentence names (source.hpp).
#include "claims/source.hpp"

#include <algorithm>

#include "jatei/text.hpp"
#include "text/morph.hpp"

namespace jatei::claims {

using namespace text;

namespace {

bool starts_with_at(std::string_view n, std::size_t at, std::string_view w) { return n.substr(at).starts_with(w); }

bool name_char(char32_t c) {
  return is_kanji(c) || katakana_word(c) || is_latin(c) || is_digit(c) || c == 0x30FB || c == '&' || c == '-' || c == '_';
}

// The noun phrase that ends at normalised offset `end`: the run of kanji, katakana and Latin
// letters before it (県警, 同社, 市教育委員会, 国土交通省), with one の inside it at most when
// the part after の is a kanji noun (消防の調べ → 消防).
std::pair<std::size_t, std::size_t> noun_before(std::string_view n, std::size_t body, std::size_t end) {
  std::size_t b = end;
  while (b > body && name_char(before(n, b))) b = prev(n, b);
  return {b, end};
}

// The noun phrase that starts at b and ends before a particle (は, が, も, では).
std::size_t noun_after(std::string_view n, std::size_t b, std::size_t limit) {
  std::size_t e = b;
  while (e < limit && name_char(at(n, e))) e = next(n, e);
  return e;
}

}  // namespace

bool organisation(std::string_view noun) {
  static const std::string_view suffixes[] = {"社", "省", "庁", "局", "署", "会", "団", "部", "課", "県警", "警察", "消防",
                                              "政府", "市", "町", "村", "県", "府", "都", "国", "大学", "病院", "学校",
                                              "チーム", "事務局", "気象台", "研究所", "機構", "協会", "銀行", "組合",
                                              "センター", "当局", "連盟", "財団", "法人", "党", "軍", "裁判所", "地検",
                                              "検察", "球団", "劇団", "グループ", "運営", "事務所", "本部", "室",
                                              "団体", "機関", "業界"};
  for (auto s : suffixes)
    if (noun.ends_with(s)) return true;
  return false;
}

namespace {

// A study or a document (the lexicon's `source` category: 調査, 試算, 発表, 白書, 統計), or a
// compound ending in one (人口動態統計).
bool document(std::string_view noun, const Lexicon& lex) {
  for (auto* d : lex.of_kind("source"))
    if (noun.ends_with(d->expression)) return true;
  return false;
}

bool first_person(std::string_view noun) {
  static const std::string_view self[] = {"私", "僕", "俺", "我々", "私たち", "わたし", "筆者", "当社", "弊社", "本市", "当方"};
  return std::find(std::begin(self), std::end(self), noun) != std::end(self);
}

}  // namespace

std::optional<Source> source_at(std::string_view n, std::size_t b, std::size_t e, std::string why) {
  if (e <= b || e > n.size()) return std::nullopt;
  std::string_view noun = n.substr(b, e - b);
  if (first_person(noun) || length(noun) > 20) return std::nullopt;
  return Source{b, e, organisation(noun) ? "orgName" : "persName", std::move(why), ""};
}

namespace {
// The topic a clause opens with (X は/が/も/では), a person, a body or a document.
std::optional<Source> topic_at(std::string_view n, std::size_t body, const Lexicon& lex);

// The offset after an adverbial phrase of place, occasion or time at i: a noun phrase (nouns
// joined by の) with a case particle of circumstance (で, にて, に, から) and maybe a comma
// (論告で, 15日の会見で、, 式典にて), or a noun phrase and a comma (閉廷後、, 同日夜、); i when
// none opens there.
std::size_t after_adverbial(std::string_view n, std::size_t i) {
  std::size_t e = noun_after(n, i, n.size());
  while (e > i && starts_with_at(n, e, "の") && e + 3 < n.size() && name_char(at(n, e + 3))) {
    std::size_t e2 = noun_after(n, e + 3, n.size());
    if (e2 == e + 3) break;
    e = e2;
  }
  if (e == i || length(n.substr(i, e - i)) > 16) return i;
  bool particle = false;
  for (std::string_view p : {"にて", "で", "に", "から"})
    if (starts_with_at(n, e, p)) {
      e += p.size();
      particle = true;
      break;
    }
  if (starts_with_at(n, e, "、")) return e + std::string_view("、").size();
  if (starts_with_at(n, e, ",")) return e + 1;
  return particle ? e : i;
}
}  // namespace

std::optional<Source> find_source(std::string_view n, std::size_t body, const Lexicon& lex) {
  // 1. An adverbial of source: Xによると, Xの調べでは, Xへの取材で
  for (auto* c : lex.of_kind("sourcemarker")) {
    std::size_t p = n.find(c->expression, body);
    if (p == std::string_view::npos) continue;
    auto [b, e] = noun_before(n, body, p);
    if (e > b && length(n.substr(b, e - b)) <= 20) {
      std::string_view noun = n.substr(b, e - b);
      if (first_person(noun)) continue;
      // A document (東京都の発表によると, 市の試算によれば): its owner, the noun before の, is
      // the source; a document whose owner is not named is the source as a document.
      if (document(noun, lex)) {
        if (b >= body + 3 && n.substr(b - 3, 3) == "の") {
          auto [ob, oe] = noun_before(n, body, b - 3);
          std::string_view owner = n.substr(ob, oe - ob);
          if (oe > ob && length(owner) <= 20 && !first_person(owner) && !document(owner, lex))
            return Source{ob, oe, organisation(owner) ? "orgName" : "persName",
                          "the owner of the document before " + c->expression, ""};
        }
        return Source{b, e, "name", "a document before " + c->expression, "document"};
      }
      return Source{b, e, organisation(noun) ? "orgName" : "persName", "before " + c->expression, ""};
    }
  }
  // 2. A handle: @someone
  for (std::size_t i = n.find('@', body); i != std::string_view::npos; i = n.find('@', i + 1)) {
    std::size_t e = i + 1;
    while (e < n.size() && (is_latin(at(n, e)) || is_digit(at(n, e)) || at(n, e) == '_')) ++e;
    if (e > i + 1) return Source{i, e, "persName", "a handle", ""};
  }
  // 3. The topic of the sentence: X は/が/も (within its first clause, or right after a clause
  // in the て-form that opens it: 大会を終えて、監督の村井さんは…)
  if (auto t = topic_at(n, body, lex)) return t;
  std::size_t comma = n.find("、", body);
  if (comma != std::string_view::npos && comma > body && length(n.substr(body, comma - body)) <= 20) {
    std::string_view clause = n.substr(body, comma - body);
    if (clause.ends_with("て") || clause.ends_with("で")) {
      if (auto t = topic_at(n, comma + std::string_view("、").size(), lex)) return t;
    }
  }
  // 4. The topic after an adverbial the sentence opens with (論告で検察側は, 閉廷後、長男は,
  // 15日の会見で、県の担当者は): where or when the words were said, then who said them.
  std::size_t i = body;
  for (int k = 0; k < 2; ++k) {
    std::size_t a = after_adverbial(n, i);
    if (a == i) break;
    if (auto t = topic_at(n, a, lex)) return t;
    i = a;
  }
  return std::nullopt;
}

std::optional<Source> agent_of_a_hearsay_noun(std::string_view n, std::size_t body) {
  for (std::string_view from : {"から", "より"}) {
    for (std::size_t p = n.find(from, body); p != std::string_view::npos; p = n.find(from, p + from.size())) {
      std::size_t after = p + from.size();
      for (std::string_view particle : {"は", "も"})
        if (starts_with_at(n, after, particle)) after += particle.size();
      // (駅から近いとの声, 前年より多いとの報告: a place or a comparison inside what is said)
      if (!(starts_with_at(n, after, "、") || starts_with_at(n, after, ",") || starts_with_at(n, after, "「") ||
            starts_with_at(n, after, "『")))
        continue;
      auto [b, e] = noun_before(n, body, p);
      // 高齢の方から, 近所の人から: a bare noun of people is the head of its description
      std::string_view head = n.substr(b, e - b);
      while ((head == "方" || head == "人" || head == "者" || head == "皆さん") && b >= body + 3 &&
             n.substr(b - 3, 3) == "の") {
        auto [b2, e2] = noun_before(n, body, b - 3);
        if (e2 <= b2) break;
        b = b2;
        head = n.substr(b2, e2 - b2);
      }
      if (e > b && length(n.substr(b, e - b)) <= 20 && !first_person(n.substr(b, e - b)))
        return Source{b, e, organisation(n.substr(b, e - b)) ? "orgName" : "persName",
                      "who the hearsay noun came from (…" + std::string(from) + ")", ""};
    }
  }
  return std::nullopt;
}

std::optional<Source> name_line(std::string_view n) {
  if (n.empty() || length(n) > 24) return std::nullopt;
  std::vector<Morph> ms;
  analyse_morphs(n, ms);
  std::size_t b = 0, e = 0;
  bool in_name = false;
  auto blank = [&](std::size_t from, std::size_t to) { return n.substr(from, to - from).find_first_not_of(' ') == std::string_view::npos; };
  for (const Morph& m : ms) {
    if (m.pos == Pos::verb || m.pos == Pos::adjective || m.pos == Pos::auxiliary || m.pos == Pos::particle) return std::nullopt;
    bool person = m.pos == Pos::noun && m.pos1 == "固有名詞" && m.pos2 == "人名";
    bool honorific = m.pos == Pos::noun && m.pos1 == "接尾" && m.pos2 == "人名";
    if (person && in_name && blank(e, m.begin)) {
      e = m.end;  // (久保田 誠: a space between surname and given name keeps the name going)
    } else if (person) {
      b = m.begin, e = m.end;
      in_name = true;
    } else if (honorific && in_name && m.begin == e) {
      e = m.end;
    } else if (!blank(m.begin, m.end)) {
      in_name = false;
    }
  }
  if (e <= b) return std::nullopt;
  // (the name must close the line: 山田太郎 コメント is a heading, not a name line)
  if (n.substr(e).find_first_not_of(' ') != std::string_view::npos) return std::nullopt;
  return Source{b, e, "persName", "the person a name line above the words names", ""};
}

namespace {
// The offset after a connective that opens the clause at body (また、 一方、 さらに), with
// its comma if it has one; body when none does. The longest one the lexicon has wins
// (一方で over 一方).
std::size_t after_connective(std::string_view n, std::size_t body, const Lexicon& lex) {
  std::size_t best = body;
  for (auto* c : lex.of_kind("connective")) {
    std::string_view w = c->expression;
    if (!starts_with_at(n, body, w)) continue;
    std::size_t e = body + w.size();
    if (starts_with_at(n, e, "、")) e += std::string_view("、").size();
    else if (starts_with_at(n, e, ",")) e += 1;
    // (一方的に, また聞き: the word goes on; it is no connective there)
    else if (e < n.size() && !name_char(at(n, e))) continue;
    else if (e < n.size() && is_kanji(before(n, e)) && is_kanji(at(n, e))) continue;
    best = std::max(best, e);
  }
  return best;
}

// The text starts with a noun that ends no later than `noun` bytes (MeCab): not a word that
// runs on past it (実は, a conjunction; 本当は), nor an adverb.
bool word_starts_noun(std::string_view text, std::size_t noun) {
  std::vector<Morph> ms;
  std::size_t end = noun;
  for (int k = 0; k < 4 && end < text.size(); ++k) end = next(text, end);
  analyse_morphs(text.substr(0, end), ms);
  if (ms.empty()) return false;
  // (最近は, 今回は: a noun of time used as an adverb is when, not who)
  for (const Morph& m : ms)
    if (m.end == noun && m.pos == Pos::noun && m.pos1 == "副詞可能") return false;
  return ms.front().end <= noun && (ms.front().pos == Pos::noun || ms.front().pos == Pos::prefix);
}

std::optional<Source> topic_at(std::string_view n, std::size_t body, const Lexicon& lex) {
  std::size_t i = after_connective(n, body, lex);
  while (i < n.size() && !name_char(at(n, i))) {
    char32_t c = at(n, i);
    if (c == 0x3001 || c == 0x3002 || is_hiragana(c)) return std::nullopt;
    i = next(n, i);
  }
  std::size_t e = noun_after(n, i, n.size());
  // 森田 健一さんは: a surname and a given name of kanji with a space between them.
  if (e > i && e + 1 < n.size() && n[e] == ' ' && is_kanji(before(n, e)) && is_kanji(at(n, e + 1)) &&
      length(n.substr(i, e - i)) <= 3)
    e = noun_after(n, e + 1, n.size());
  // 市防災課の田中誠課長は: a noun phrase of nouns joined by の.
  while (e > i && starts_with_at(n, e, "の") && e + 3 < n.size() && name_char(at(n, e + 3))) {
    std::size_t e2 = noun_after(n, e + 3, n.size());
    if (e2 == e + 3) break;
    e = e2;
  }
  // 山本さんは: the name with its honorific (the name finder's <persName> is the same span).
  if (e > i)
    for (std::string_view h : {"さん", "氏", "様", "君", "ちゃん"})
      if (starts_with_at(n, e, h)) {
        e += h.size();
        break;
      }
  if (e > i && length(n.substr(i, e - i)) <= 20) {
    std::string_view rest = n.substr(e);
    // 山田太郎さん(45)は, 佐藤氏(会社員)は: an age or a role in brackets between the name and
    // its particle.
    if (rest.starts_with("(")) {
      std::size_t close = rest.find(')');
      if (close != std::string_view::npos && length(rest.substr(0, close)) <= 20) rest = rest.substr(close + 1);
    }
    bool topic = rest.starts_with("は") || rest.starts_with("が") || rest.starts_with("も") || rest.starts_with("では");
    std::string_view noun = n.substr(i, e - i);
    if (topic && !first_person(noun) && !rest.starts_with("はず") && word_starts_noun(n.substr(i), noun.size())) {
      if (document(noun, lex)) return Source{i, e, "name", "the topic of the sentence, a document", "document"};
      return Source{i, e, organisation(noun) ? "orgName" : "persName", "the topic of the sentence", ""};
    }
  }
  return std::nullopt;
}
}  // namespace

}  // namespace jatei::claims
