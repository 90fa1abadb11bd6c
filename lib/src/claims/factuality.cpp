// Factuality of one sentence: which cues it has, which of them govern the sentence, and the
// category they decide.
//
// A plain list of cue strings gets a lot wrong, so a cue only decides when it governs: a
// predicate ending must head the main clause (nothing but inflection and final particles after
// it, or a continuative that coordinates with the next clause); inside 「」 it belongs to the
// person quoted; before のが/のは/こと or a content word it is embedded in something larger
// (…かもしれないと思ったのがきっかけです is a fact about a past thought). On top of that, rules
// for what a longest-match list cannot see: そうだ after the plain form (hearsay) or after a
// stem (appearance); とされる after a rule noun, a past event or anything else; a question word
// before a final でしょう (どうでしょう asks); a verb of thinking over an evaluation (opinion);
// a parenthetical hedge (まだ推測ですが); a direct quotation followed by a verb of saying; a
// sentence that is nothing but a hedge; an echo of surprise (えっ、同時に？).
//
// The order of decision: question, then reported speech with a named source or a verb of
// saying (it carries the source's hedges), then speculation, then hearsay (it loses to a hedge
// of its own sentence), then a stated rule, opinion, other, and fact by default.
#include <algorithm>
#include <array>

#include "claims/predicate.hpp"
#include "claims/sentence.hpp"
#include "jatei/claims.hpp"
#include "jatei/text.hpp"

namespace jatei::claims {

using namespace text;

std::string_view to_string(Category c) {
  switch (c) {
    case Category::fact: return "fact";
    case Category::speculation: return "speculation";
    case Category::reported: return "reported";
    case Category::question: return "question";
    case Category::opinion: return "opinion";
    case Category::other: return "other";
  }
  return "fact";
}

std::optional<Category> category_from(std::string_view name) {
  static const std::array<Category, 6> all{Category::fact, Category::speculation, Category::reported,
                                           Category::question, Category::opinion, Category::other};
  for (auto c : all)
    if (to_string(c) == name) return c;
  return std::nullopt;
}

namespace {

// Quotation brackets (someone's words), as opposed to parentheses.
bool is_quote_open(char32_t c) { return c == 0x300C || c == 0x300E || c == 0x201C; }
// Emoji and pictographs that end informal sentences.
bool ends_informally(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF) ||
         c == 0xFE0F || c == 0x200D || c == 0x2661 || c == 0x2665 || c == 0x266A || c == 0x266B || c == 0x2606 ||
         c == 0x2605 || c == 0x261D || (c >= 0x1F3FB && c <= 0x1F3FF);
}

bool kaomoji_or_laugh(std::string_view inner) {
  static const char* const laughs[] = {"笑", "苦笑", "爆笑", "汗", "泣", "涙", "怒", "照", "震え声"};
  for (auto l : laughs)
    if (inner == l) return true;
  if (inner.empty() || length(inner) > 14) return false;
  bool symbol = false;
  for (std::size_t i = 0; i < inner.size(); i = next(inner, i)) {
    char32_t c = at(inner, i);
    if (is_hiragana(c)) return false;
    if (is_kanji(c)) return false;
    if (is_ascii_alpha(c) && c != 'w') {
      // ω and similar are Greek; ASCII letters other than w suggest an abbreviation: (AI)
      return false;
    }
    if (!katakana_word(c) && !is_ascii_digit(c)) symbol = true;
  }
  return symbol;
}

std::size_t trailing_run(Sent& s, std::size_t e);

Sent analyse(Normalised norm) {
  Sent s;
  s.norm = std::move(norm);
  s.n = s.norm.text;
  std::string_view n = s.n;
  // Bracket pairs.
  std::vector<std::pair<char32_t, std::size_t>> stack;
  for (std::size_t i = 0; i < n.size(); i = next(n, i)) {
    char32_t c = at(n, i);
    if (is_open_bracket(c)) {
      stack.push_back({c, i});
    } else if (is_close_bracket(c)) {
      for (std::size_t k = stack.size(); k-- > 0;) {
        if (opens(stack[k].first) == closes(c)) {
          (is_quote_open(stack[k].first) ? s.quotes : s.parens).push_back({stack[k].second, i});
          stack.resize(k);
          break;
        }
      }
    }
  }
  // Body start: spaces, dashes, list marks, a speaker label (名前: …, 【名前】, （記者）,
  // [00:12:40] ホスト・岡田：, Q.).
  std::size_t b = 0;
  int dashes = 0;
  while (b < n.size()) {
    char32_t c = at(n, b);
    if (c == 0x2015 || c == 0x2014 || c == 0x2500) ++dashes;
    if (is_white_space(c) || c == 0x2015 || c == 0x2014 || c == 0x2500 || c == 0x30FB || c == 0x2022 || c == 0x25CF ||
        c == 0x25A0 || c == 0x25C6)
      b = next(n, b);
    else
      break;
  }
  s.dash_label = dashes >= 2 || (dashes == 1 && b > 0 && at(n, 0) == 0x2015);
  // A timestamp in brackets: [00:12:40], (12:30)
  if (b < n.size() && (at(n, b) == '[' || at(n, b) == '(')) {
    std::size_t close = n.find(at(n, b) == '[' ? ']' : ')', b);
    if (close != std::string_view::npos && close - b <= 12) {
      std::string_view inner = n.substr(b + 1, close - b - 1);
      bool time = !inner.empty() && inner.find_first_not_of("0123456789:.") == std::string_view::npos &&
                  inner.find(':') != std::string_view::npos;
      if (time) {
        b = close + 1;
        while (b < n.size() && is_space(at(n, b))) b = next(n, b);
      }
    }
  }
  // A label in brackets at the start: 【森】, (記者), [司会]
  if (b < n.size() && (at(n, b) == 0x3010 || at(n, b) == '(' || at(n, b) == '[')) {
    char32_t open = at(n, b);
    char32_t closer = closer_of(open);
    std::size_t i = next(n, b), count = 0;
    while (i < n.size() && at(n, i) != closer && count < 12 && !is_space(at(n, i))) i = next(n, i), ++count;
    if (i < n.size() && at(n, i) == closer && count > 0 && next(n, i) < n.size()) {
      s.label = std::string(n.substr(next(n, b), i - next(n, b)));
      b = next(n, i);
      while (b < n.size() && is_space(at(n, b))) b = next(n, b);
    }
  }
  // Q. / Q: / Q1. / Q1 (a numbered question before a space)
  if (s.label.empty() && b < n.size() && at(n, b) == 'Q') {
    std::size_t i = b + 1;
    while (i < n.size() && is_digit(at(n, i))) ++i;
    bool numbered = i > b + 1 && i < n.size() && is_space(at(n, i));
    if (i < n.size() && (n[i] == '.' || n[i] == ':' || numbered)) {
      s.label = "Q";
      b = numbered ? i : i + 1;
      while (b < n.size() && is_space(at(n, b))) b = next(n, b);
    }
  }
  if (s.label.empty()) {
    std::size_t colon = n.find(':', b);
    if (colon != std::string_view::npos && colon > b && length(n.substr(b, colon - b)) <= 12 &&
        n.substr(colon + 1, 1) != "/") {
      std::string_view label = n.substr(b, colon - b);
      bool ok = label.find("。") == std::string_view::npos && label.find("、") == std::string_view::npos &&
                label.find(' ') == std::string_view::npos && label.find('(') == std::string_view::npos &&
                label.find_first_not_of("0123456789") != std::string_view::npos;
      if (ok) {
        s.label = std::string(label);
        b = colon + 1;
        while (b < n.size() && is_white_space(at(n, b))) b = next(n, b);
      }
    }
  }
  s.body = b;
  s.core_end = trailing_run(s, n.size());
  // A sentence that is one quotation and nothing else (「いくらくらい？」, a line of dialogue
  // quoted alone): its grammar is the grammar of the words inside.
  if (s.core_end > s.body) {
    std::size_t len = 0;
    char32_t last = before(n, s.core_end, len);
    auto it = std::find_if(s.quotes.begin(), s.quotes.end(),
                           [&](auto& q) { return q.first == s.body && q.second + len == s.core_end; });
    if ((last == 0x300D || last == 0x300F) && it != s.quotes.end()) {
      std::size_t close = it->second;
      s.quotes.erase(it);
      s.body = next(n, s.body);
      bool qmark = s.qmark, excl = s.excl;
      s.core_end = trailing_run(s, close);
      s.qmark = s.qmark || qmark;
      s.excl = s.excl || excl;
      s.wholly_quoted = true;
    }
  }
  return s;
}

// The end of the sentence's core: before its trailing run of punctuation, emoji, (笑) and
// kaomoji, from e back (qmark and excl set when the run holds ? or !).
std::size_t trailing_run(Sent& s, std::size_t e) {
  std::string_view n = s.n;
  while (e > s.body) {
    std::size_t len = 0;
    char32_t c = before(n, e, len);
    if (c == '?') {
      s.qmark = true;
      e -= len;
      continue;
    }
    if (c == '!') {
      s.excl = true;
      e -= len;
      continue;
    }
    if (is_white_space(c) || c == 0x3002 || c == '.' || c == 0x2026 || c == 0x2025 || c == '~' || c == 0x301C ||
        c == 0x30FB || ends_informally(c) || c == 0xFF61) {
      e -= len;
      continue;
    }
    if (c == 0x30FC && e - len > s.body && is_hiragana(before(n, e - len))) {
      e -= len;  // elongation: ですよー
      continue;
    }
    if (c == 'w' || c == 'W') {
      std::size_t k = e;
      while (k > s.body && (before(n, k) == 'w' || before(n, k) == 'W')) --k;
      if (k > s.body && !is_ascii_alpha(before(n, k)) && !is_ascii_digit(before(n, k))) {
        e = k;
        continue;
      }
      break;
    }
    if (c == ')') {
      auto it = std::find_if(s.parens.begin(), s.parens.end(), [&](auto& p) { return p.second + 1 == e; });
      if (it != s.parens.end() && it->first > s.body &&
          kaomoji_or_laugh(n.substr(it->first + 1, it->second - it->first - 1))) {
        e = it->first;
        continue;
      }
      // An aside after the predicate (…とされる(資源エネルギー庁の調査)。): the sentence ends
      // before it. Only after kana, so that a gloss ending a noun phrase stays (…蒸留(distillation)).
      if (it != s.parens.end() && it->first > s.body && it->second + 1 == e && hiragana_word(before(n, it->first))) {
        e = it->first;
        continue;
      }
      break;
    }
    if (katakana_word(c)) {
      // A mimetic after a kaomoji: (｀・ω・´)ｷﾘｯ
      std::size_t k = e;
      int count = 0;
      while (k > s.body && katakana_word(before(n, k)) && count < 5) {
        k = prev(n, k);
        ++count;
      }
      if (k > s.body && before(n, k) == ')') {
        auto it = std::find_if(s.parens.begin(), s.parens.end(), [&](auto& p) { return p.second + 1 == k; });
        if (it != s.parens.end() && kaomoji_or_laugh(n.substr(it->first + 1, it->second - it->first - 1))) {
          e = it->first;
          continue;
        }
      }
      break;
    }
    break;
  }
  return e;
}

// Only final particles (or nothing) between e and the end of the core.
bool at_sentence_end(const Sent& s, std::size_t e) {
  if (e >= s.core_end) return true;
  static const char32_t finals[] = {0x306D /*ね*/, 0x3088 /*よ*/, 0x306A /*な*/, 0x308F /*わ*/, 0x3055 /*さ*/,
                                    0x305E /*ぞ*/, 0x305C /*ぜ*/, 0x3063 /*っ*/, 0x30FC /*ー*/, 0x3041, 0x3043,
                                    0x3045, 0x3047, 0x3049 /*small vowels*/};
  std::size_t i = e;
  while (i < s.core_end) {
    char32_t c = at(s.n, i);
    if (std::find(std::begin(finals), std::end(finals), c) == std::end(finals)) return false;
    i = next(s.n, i);
  }
  return true;
}

bool has_any(std::string_view hay, std::initializer_list<std::string_view> needles) {
  for (auto x : needles)
    if (hay.find(x) != std::string_view::npos) return true;
  return false;
}
bool ends_any(std::string_view hay, std::initializer_list<std::string_view> needles) {
  for (auto x : needles)
    if (hay.size() >= x.size() && hay.substr(hay.size() - x.size()) == x) return true;
  return false;
}

// What turns a clause into a noun phrase: the cue before it is embedded (…と思ったのがきっかけ).
bool has_nominaliser(std::string_view tail) {
  return has_any(tail, {"のが", "のは", "のを", "のも", "ことが", "ことは", "ことを", "ことも", "ことに", "ところ"});
}

// …のではないか|と私は見ています: the hedge is framed by the speaker's own verb of thinking,
// in the present (not a narrated past thought) and not embedded. `quote` is the text between
// the cue and the first non-kana character, which must end with the quotative と.
bool thinking_frame(const Sent& s, std::size_t e, std::size_t i) {
  std::string_view n = s.n;
  std::string_view quote = n.substr(e, i - e);
  if (!quote.ends_with("と")) return false;
  std::string_view r = n.substr(i, s.core_end - i);
  static const std::string_view subjects[] = {"私は", "僕は", "俺は", "筆者は", "我々は", "私たちは", "わたしは", "ぼくは"};
  for (auto sub : subjects)
    if (r.starts_with(sub)) r.remove_prefix(sub.size());
  static const std::string_view verbs[] = {"思", "考え", "見て", "みて", "感じ", "予想し", "推測し", "予測し"};
  for (auto v : verbs) {
    if (!r.starts_with(v)) continue;
    std::string_view infl = r.substr(v.size());
    for (std::size_t k = 0; k < infl.size(); k = next(infl, k))
      if (!hiragana_word(at(infl, k))) return false;
    bool past = infl.starts_with("った") || infl.starts_with("た") || infl.starts_with("えた") || infl.starts_with("いた");
    return !past && !has_nominaliser(infl);
  }
  return false;
}

// Whether a predicate cue ending at e heads the main clause (or a clause coordinated with it).
bool heads_clause(const Sent& s, std::size_t e) {
  std::string_view n = s.n;
  for (std::size_t i = e; i < s.core_end; i = next(n, i)) {
    char32_t c = at(n, i);
    if (c == 0x3001 || c == ',') {
      std::string_view tail = n.substr(e, i - e);
      if (tail.empty()) return true;
      if (ends_any(tail, {"ので", "のでし"})) return false;
      return ends_any(tail, {"り", "て", "で", "し", "ず", "く", "れ", "おり"});
    }
    if (!hiragana_word(c)) return thinking_frame(s, e, i);
  }
  return !has_nominaliser(n.substr(e, s.core_end - e));
}

// The predicate ending at e closes a clause in the continuative (深刻で、, 重要であり、, 安くて、)
// that a main clause with a predicate of its own follows.
bool leading_clause(const Sent& s, std::size_t e) {
  std::string_view n = s.n;
  for (std::size_t i = e; i < s.core_end; i = next(n, i)) {
    char32_t c = at(n, i);
    if (c != 0x3001 && c != ',') {
      if (!hiragana_word(c)) return false;
      continue;
    }
    std::string_view tail = n.substr(e, i - e);
    if (tail.empty() || !ends_any(tail, {"て", "で", "であり", "であって", "でもあり"})) return false;
    std::size_t after = next(n, i);
    return s.pred.found && s.pred.begin >= after && s.pred.chunks.size() >= 2;
  }
  return false;
}

// An adverb of probability (おそらく) hedges its own clause: the sentence, unless a
// subordinate clause closes after it (おそらく…だが、…だ: the main clause is asserted).
bool adverb_governs(const Sent& s, std::size_t e) {
  std::string_view n = s.n;
  std::size_t start = e;
  for (std::size_t i = e; i < s.core_end; i = next(n, i)) {
    char32_t c = at(n, i);
    if (c != 0x3001 && c != ',') continue;
    std::string_view clause = n.substr(start, i - start);
    if (!clause.empty() && ends_any(clause, {"が", "けど", "けれど", "けれども", "ので", "から", "のに", "ても", "でも", "ば", "なら", "たら"}))
      return false;
    start = i + (c == ',' ? 1 : 3);
  }
  return true;
}

// A noun-phrase cue decides as the subject of the last clause: no clause break after it.
bool heads_last_clause(const Sent& s, const RawHit& h) {
  std::string_view n = s.n;
  for (std::size_t i = h.e; i < s.core_end; i = next(n, i)) {
    char32_t c = at(n, i);
    if (c == 0x3001 || c == ',') return false;
  }
  char32_t last = before(std::string_view(h.expression), h.expression.size());
  if (is_kanji(last) && last != U'多' && last != U'聞') {
    char32_t p = at(n, h.e);
    return p == U'が' || p == U'も' || p == U'は';
  }
  return true;
}

bool plain_form_before(std::string_view n, std::size_t i) {
  std::size_t len = 0;
  char32_t p = before(n, i, len);
  static const char32_t plain[] = {U'る', U'た', U'だ', U'い', U'う', U'く', U'す', U'つ', U'ぬ', U'む', U'ぶ', U'ぐ', U'ず'};
  if (std::find(std::begin(plain), std::end(plain), p) == std::end(plain)) return false;
  if (p == U'う' && i >= len) {
    // Volitional (行こうとしている) is not a plain form that reports.
    char32_t pp = before(n, i - len);
    static const char32_t orow[] = {U'こ', U'そ', U'と', U'の', U'ほ', U'も', U'よ', U'ろ', U'ご', U'ぞ', U'ど', U'ぼ', U'ぽ', U'お'};
    if (std::find(std::begin(orow), std::end(orow), pp) != std::end(orow)) return false;
  }
  return true;
}

// そうだ: hearsay after the plain form, appearance after a stem, "so" after a particle.
void disambiguate_sou(const Sent& s, RawHit& h) {
  std::string_view n = s.n;
  std::size_t len = 0;
  char32_t p = before(n, h.b, len);
  static const char32_t particles[] = {U'は', U'が', U'を', U'に', U'も', U'と', U'で', U'へ', U'や', U'ね', U'よ',
                                       U'か', U'の', U'え', U'あ', U'ぁ', U'お', U'っ', U'ー', U'な'};
  bool demonstrative = h.b <= s.body || p == 0x3001 || p == 0x3002 || p == '!' || p == '?' || is_white_space(p) ||
                       is_open_bracket(p) || is_close_bracket(p) || p == 0x2026 ||
                       std::find(std::begin(particles), std::end(particles), p) != std::end(particles);
  if (demonstrative) {
    h.dropped = true;
    return;
  }
  std::string_view rest = n.substr(h.b + std::string_view("そう").size());
  bool copula = rest.starts_with("だ") || rest.starts_with("です") || rest.starts_with("でし");
  static const char32_t plain[] = {U'う', U'く', U'す', U'つ', U'ぬ', U'む', U'る', U'ぐ', U'ぶ', U'い', U'だ', U'た'};
  if (copula && std::find(std::begin(plain), std::end(plain), p) != std::end(plain)) {
    h.cat = Category::reported;
    h.strength = 0.7;
    h.note = "そうだ after the plain form: hearsay";
    return;
  }
  // 踏みそうになった: what nearly happened, told as a fact.
  if (rest.starts_with("になっ") || rest.starts_with("になり") || rest.starts_with("になる")) {
    h.dropped = true;
    return;
  }
  static const std::string_view adjective_stems[] = {
      "おいし", "美味し", "楽し", "嬉し", "うれし", "悲し", "難し", "むずかし", "優し", "やさし", "厳し", "激し",
      "珍し", "怪し", "あやし", "寂し", "さびし", "忙し", "正し", "新し", "詳し", "美し", "苦し", "恥ずかし",
      "懐かし", "羨まし", "恐ろし", "危な", "楽し", "すご", "凄"};
  bool adjective = is_kanji(p) || katakana_word(p) || p == U'さ';
  for (auto a : adjective_stems)
    if (ends_with_at(n, h.b, a)) adjective = true;
  if (adjective) {
    h.cat = Category::opinion;
    h.strength = 0.5;
    h.note = "そう after an adjective stem: appearance (an impression)";
  } else {
    h.cat = Category::speculation;
    h.strength = 0.6;
    h.note = "そう after a verb stem: appearance (looks likely to)";
  }
}

}  // namespace

bool rule_text_frame(const Sent& s, const Lexicon& lex, std::size_t upto) {
  std::string_view n = s.n.substr(0, std::min(upto, s.n.size()));
  static const std::string_view frames[] = {"では", "で、", "により", "によって", "において", "上、", "上は", "上で", "で定め", "に定め"};
  for (auto* r : lex.of_kind("ruletext")) {
    for (std::size_t at = n.find(r->expression, s.body); at != std::string_view::npos;
         at = n.find(r->expression, at + r->expression.size())) {
      std::size_t e = at + r->expression.size();
      for (auto f : frames)
        if (n.substr(e).starts_with(f)) return true;
    }
  }
  return false;
}

namespace {

// とされる: a rule, an allegation, or a received view.
void disambiguate_tosareru(const Sent& s, const Lexicon& lex, RawHit& h) {
  std::string_view n = s.n;
  if (rule_text_frame(s, lex, h.b)) {
    h.cat = Category::fact;
    h.strength = 0.8;
    h.kind = "rule";
    h.note = "in the frame of a text that lays down rules: states its provision";
    return;
  }
  for (auto* r : lex.of_kind("rulenoun")) {
    if (ends_with_at(n, h.b, r->expression)) {
      h.cat = Category::fact;
      h.strength = 0.8;
      h.kind = "rule";
      h.note = "after a rule noun (" + r->expression + "): states a rule";
      return;
    }
  }
  // (After a past event too, …だったとされる: what unnamed sources say happened.)
  h.cat = Category::reported;
  h.strength = 0.6;
  h.note = "a received view from an unnamed source";
}

// (まだ推測ですが), (※憶測ですが): a parenthetical hedge.
void parenthetical_hedges(const Sent& s, const Lexicon& lex, std::vector<RawHit>& hits) {
  const auto& nouns = lex.of_kind("hedgenoun");
  for (auto& [a, b] : s.parens) {
    std::string_view inner = s.n.substr(a + 1, b - a - 1);
    if (length(inner) > 24) continue;
    std::string_view t = inner;
    while (!t.empty() && (t.starts_with("※") || t.starts_with(" "))) t.remove_prefix(t.starts_with(" ") ? 1 : 3);
    bool hedge_noun = false;
    for (auto* c : nouns)
      if (t.find(c->expression) != std::string_view::npos) hedge_noun = true;
    bool tentative = t.starts_with("まだ") || t.starts_with("あくまで");
    bool concessive = ends_any(t, {"が", "けど", "けれど", "けれども", "ですが", "ながら"});
    bool only_noun = false;
    for (auto* c : nouns)
      if (t == c->expression) only_noun = true;
    if ((hedge_noun && (concessive || tentative)) || (tentative && concessive) || only_noun) {
      RawHit h;
      h.b = a;
      h.e = b + 1;
      h.cat = Category::speculation;
      h.strength = 1.0;
      h.kind = "paren";
      h.expression = "(…ですが)";
      h.governs = true;
      h.note = "parenthetical hedge";
      // It replaces the cues inside it.
      for (auto& x : hits)
        if (x.b >= a && x.e <= b + 1) x.dropped = true;
      hits.push_back(std::move(h));
    }
  }
}

// 「…」と + a verb of saying within a few characters: someone's words.
void direct_quotations(const Sent& s, const Lexicon& lex, std::vector<RawHit>& hits) {
  if (s.quotes.empty()) return;
  double strength = 0.85;
  for (auto* c : lex.of_kind("quote")) strength = c->strength;
  const auto& verbs = lex.of_kind("speechverb");
  std::string_view n = s.n;
  for (auto& [a, b] : s.quotes) {
    if (s.in_quote(a) || s.in_paren(a)) continue;
    std::size_t t = b + std::string_view("」").size();
    if (t > n.size()) continue;
    std::size_t start = std::string_view::npos;
    if (starts_with(n, t, "と")) start = t;
    else if (starts_with(n, t, "って")) start = t;
    else continue;
    // Look for a verb of saying within ten characters, before any clause break.
    std::size_t i = start, found = std::string_view::npos, verb_end = 0;
    for (int k = 0; k < 11 && i < s.core_end; ++k) {
      char32_t c = at(n, i);
      if (c == 0x3002 || (c == 0x3001 && k > 1) || is_open_bracket(c)) break;
      for (auto* v : verbs) {
        if (!starts_with(n, i, v->expression)) continue;
        // The stem starts a word: 表示 is not 示し.
        if (i > start && is_kanji(before(n, i)) && is_kanji(at(n, i))) continue;
        // A verb, not a compound noun (言葉, 話題): inflection or the end follows.
        char32_t next_c = at(n, i + v->expression.size());
        if (!(next_c == 0 || hiragana_word(next_c) || next_c == 0x3002 || next_c == 0x3001 ||
              i + v->expression.size() >= s.core_end))
          continue;
        found = i;
        verb_end = i + v->expression.size();
        break;
      }
      if (found != std::string_view::npos) break;
      i = next(n, i);
    }
    if (found == std::string_view::npos) continue;
    // The final predicate's own quotation is the analysis's to decide.
    if (s.pred.found && start >= s.pred.begin) continue;
    // Take the inflection after the stem.
    std::size_t e = verb_end;
    static const char32_t stops[] = {U'の', U'が', U'け', U'ね', U'よ', U'か', U'と', U'こ', U'も', U'は', U'を', U'に', U'ー'};
    for (int k = 0; k < 6 && e < s.core_end && hiragana_word(at(n, e)); ++k) {
      if (std::find(std::begin(stops), std::end(stops), at(n, e)) != std::end(stops)) break;
      e = next(n, e);
    }
    // 「…」と言っても / 言えば: a concession or a condition, not a report.
    {
      std::string_view after = n.substr(e);
      if (after.starts_with("ても") || after.starts_with("でも") || after.starts_with("ば") || after.starts_with("たら") ||
          after.starts_with("ったら"))
        continue;
      std::string_view stem_to_e = n.substr(verb_end, e - verb_end);
      // (言われたら, 言われれば, 言われても: the passive's inflection too)
      if (conditional_tail(stem_to_e)) continue;
      // と言っても: the inflection stops before も
      if ((stem_to_e.ends_with("て") || stem_to_e.ends_with("で")) && after.starts_with("も")) continue;
      // 「…」と言ったのは、…からかもしれない: the saying, nominalised, is what the main clause is
      // about (a cleft that names the speaker is the analysis's: quoting_cleft)
      if (after.starts_with("のは") || after.starts_with("のが") || after.starts_with("のも")) continue;
    }
    bool merged = false;
    for (auto& x : hits) {
      if (!x.dropped && x.cat == Category::reported && x.b >= start && x.b < e) {
        x.governs = true;
        x.strength = std::max(x.strength, strength);
        x.note = "after a direct quotation";
        merged = true;
      } else if (!x.dropped && x.b >= start && x.e <= e) {
        x.dropped = true;
      }
    }
    if (merged) continue;
    RawHit h;
    h.b = start;
    h.e = e;
    h.cat = Category::reported;
    h.strength = strength;
    h.kind = "quote";
    h.expression = "「…」と";
    h.governs = true;
    h.note = "direct quotation with a verb of saying";
    hits.push_back(std::move(h));
  }
}

bool contains_hiragana(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); i = next(s, i))
    if (is_hiragana(at(s, i))) return true;
  return false;
}

// えっ、同時に？ : a short echo of surprise, not a request for information.
bool surprise_echo(const Sent& s) {
  std::string_view core = s.n.substr(s.body, s.core_end - s.body);
  static const std::string_view inter[] = {"えっ", "ええっ", "えー", "へえ", "へー", "はあ", "はぁ", "え、"};
  std::size_t skip = 0;
  for (auto x : inter)
    if (core.starts_with(x)) skip = std::max(skip, x.size());
  if (!skip) return false;
  std::string_view rest = core.substr(skip);
  while (rest.starts_with("、")) rest.remove_prefix(3);
  if (length(rest) > 6) return false;
  return !ends_any(rest, {"か", "の", "ます", "です", "ない", "た", "る"});
}

// Whether a question word (lexicon kind qword) stands in [from, to): as a word of its own (どの,
// not ほどの), not in an indefinite (何か, どこも) and not in an adverb that starts with one
// (どうせ, どうやら, 何より: lexicon kind notqword).
bool has_question_word(const Sent& s, const Lexicon& lex, std::size_t from, std::size_t to) {
  std::string_view n = s.n;
  static const char32_t particles[] = {U'は', U'が', U'を', U'に', U'も', U'で', U'と', U'へ', U'や', U'の', U'ね', U'よ'};
  const auto& lookalikes = lex.of_kind("notqword");
  for (auto* qw : lex.of_kind("qword")) {
    for (std::size_t p = n.find(qw->expression, from); p != std::string_view::npos && p < to;
         p = n.find(qw->expression, p + qw->expression.size())) {
      if (std::any_of(lookalikes.begin(), lookalikes.end(),
                      [&](const Cue* a) { return n.substr(p).starts_with(a->expression); }))
        continue;
      char32_t after = at(n, p + qw->expression.size());
      std::string_view after_text = n.substr(p + qw->expression.size());
      if ((after == U'か' && !after_text.starts_with("から")) || after == U'も' || after == U'ぞ') continue;
      // どうしても, 何でも, いつでも: indefinite; どっちにしても, 何にせよ, 誰であれ: concessive,
      // whichever it is
      std::string_view rest = n.substr(p + qw->expression.size());
      if (rest.starts_with("しても") || rest.starts_with("でも") || rest.starts_with("ても")) continue;
      if (rest.starts_with("にしても") || rest.starts_with("にせよ") || rest.starts_with("にしろ") ||
          rest.starts_with("であれ") || rest.starts_with("であっても"))
        continue;
      char32_t pre = before(n, p);
      bool word = !hiragana_word(at(n, p)) || !hiragana_word(pre) ||
                  std::find(std::begin(particles), std::end(particles), pre) != std::end(particles);
      if (word) return true;
    }
  }
  return false;
}

// 何を買えばいいのか分からない人も多いでしょう: a question word inside an indirect question
// (…か/…のか closed by what follows: 分からない, かどうか, かを, かは, か、) asks nothing of the
// final predicate. Where the last such か in [from, to) ends, or `from` when there is none.
std::size_t after_embedded_question(const Sent& s, std::size_t from, std::size_t to) {
  if (to <= from) return from;
  std::string_view span = s.n.substr(from, to - from);
  if (span.find("か") == std::string_view::npos) return from;
  std::vector<Morph> ms;
  analyse_morphs(span, ms);
  std::size_t last = from;
  for (std::size_t k = 0; k + 1 < ms.size(); ++k) {
    const Morph& m = ms[k];
    if (m.surface != "か" || m.pos != Pos::particle) continue;
    bool only_finals = true;
    for (std::size_t r = k + 1; r < ms.size(); ++r)
      if (!(ms[r].pos == Pos::particle && ms[r].pos1 == "終助詞")) only_finals = false;
    if (!only_finals) last = from + m.end;
  }
  return last;
}

// えっ、そんなに下がっているんですか。: surprise at what was just said, closed by 。 rather
// than ？, with no question word: an exclamation, not a request for information.
bool surprised(const Sent& s, const Lexicon& lex) {
  std::string_view core = s.n.substr(s.body, s.core_end - s.body);
  static const std::string_view inter[] = {"えっ", "ええっ", "えー", "へえ", "へー", "まさか"};
  bool start = false;
  for (auto x : inter)
    if (core.starts_with(x)) start = true;
  return start && !has_question_word(s, lex, s.body, s.core_end);
}

}  // namespace

namespace {
bool retrospective(const Sent& s, const Lexicon& lexicon);
}

bool is_retrospective_hedge(std::string_view sentence, const Lexicon& lexicon) {
  return retrospective(analyse(normalise(sentence)), lexicon);
}

namespace {
bool retrospective(const Sent& s, const Lexicon& lexicon) {
  std::string_view core = s.n.substr(s.body, s.core_end - s.body);
  if (core.empty() || length(core) > 30) return false;
  // Cheap exit: a hedge sentence holds a hedge noun.
  const auto& noun_cues = lexicon.of_kind("hedgenoun");
  if (std::none_of(noun_cues.begin(), noun_cues.end(),
                   [&](const Cue* c) { return core.find(c->expression) != std::string_view::npos; }))
    return false;
  std::vector<std::string_view> tokens;
  for (auto* c : lexicon.of_kind("prefix")) tokens.push_back(c->expression);
  std::vector<std::string_view> nouns;
  for (auto* c : noun_cues) nouns.push_back(c->expression);
  static const char* const glue[] = {"に過ぎません", "にすぎません", "に過ぎない", "にすぎない", "でしかありません",
                                     "でしかない", "ですけれども", "ですけれど", "ですけど", "ですが", "です", "だけど",
                                     "だが", "だ", "でした", "けれど", "けど", "が", "ね", "よ", "と", "や", "・", "、",
                                     "も", "の", "話", "段階"};
  for (auto g : glue) tokens.push_back(g);
  bool noun_seen = false;
  std::size_t i = 0;
  while (i < core.size()) {
    std::size_t best = 0;
    bool is_noun = false;
    for (auto& nn : nouns)
      if (core.substr(i).starts_with(nn) && nn.size() > best) {
        best = nn.size();
        is_noun = true;
      }
    for (auto& t : tokens)
      if (core.substr(i).starts_with(t) && t.size() > best) {
        best = t.size();
        is_noun = false;
      }
    if (!best) return false;
    noun_seen = noun_seen || is_noun;
    i += best;
  }
  return noun_seen;
}
}  // namespace

bool asks(std::string_view label, const Lexicon& lex) {
  if (label.empty()) return false;
  std::string l = normalise(label).text;
  auto known = [&](std::string_view x) {
    for (auto* c : lex.of_kind("asker"))
      if (c->expression == x) return true;
    return false;
  };
  if (known(l)) return true;
  // ホスト・岡田, 記者A, 司会(田中)
  std::size_t dot = l.find("・");
  if (dot != std::string::npos && known(std::string_view(l).substr(0, dot))) return true;
  for (auto* c : lex.of_kind("asker"))
    if (!is_latin(at(c->expression, 0)) && l.starts_with(c->expression) && length(l) <= length(c->expression) + 2) return true;
  return false;
}

namespace {
// In an asking turn: a bare topic (今後の目標は。, 日本に来られたのは。) asks about it.
bool elliptical(const Predicate& p) {
  if (!p.found) return false;
  const Chunk& h = p.chunks[p.head];
  const std::string& t = h.tail;
  if (h.kind == Chunk::Kind::noun)
    return t == "は" || t == "って" || t == "とは" || t == "については" || t == "には" || t == "では" || t == "の方は" ||
           t == "も" || t == "について" || t == "に関して" || t == "に関しては" || t == "についても" || t == "に関しても";
  return t.ends_with("のは") || t.ends_with("のって");
}
}  // namespace

Decision classify(std::string_view sentence, const SentenceContext& ctx, const Lexicon& lex) {
  return classify(sentence, normalise(sentence), ctx, lex);
}

namespace {

// 1. Lexicon matches, leftmost-longest, not overlapping.
std::vector<RawHit> lexicon_hits(const Sent& s, const Lexicon& lex) {
  std::string_view n = s.n;
  std::vector<RawHit> hits;
  std::vector<const Cue*> candidates;
  for (std::size_t i = s.body; i < n.size();) {
    std::size_t taken = 0;
    lex.match_at(n, i, candidates);
    for (const Cue* c : candidates) {
      std::size_t e = i + c->expression.size();
      if (c->at_start && i != s.body) continue;
      if (c->at_end && !at_sentence_end(s, e)) continue;
      if (c->expression == "?" && i < s.core_end) {  // a question mark inside the sentence
        taken = e - i;
        break;
      }
      RawHit h;
      h.b = i;
      h.e = e;
      h.cat = c->cls == "none" ? Category::other : *category_from(c->cls);
      h.strength = c->cls == "none" ? 0 : c->strength;
      h.kind = c->kind;
      h.expression = c->expression;
      h.at_end = c->at_end;
      h.dropped = c->cls == "none";  // blockers only keep shorter cues away
      if (h.expression == "?") h.at_end = true;
      hits.push_back(std::move(h));
      taken = e - i;
      break;
    }
    i = taken ? i + taken : next(n, i);
  }
  return hits;
}

// 2. Disambiguation of single entries.
void disambiguate(const Sent& s, const Lexicon& lex, std::vector<RawHit>& hits) {
  for (auto& h : hits) {
    if (h.dropped) continue;
    if (h.kind == "hearsay") disambiguate_sou(s, h);
    else if (h.expression == "とされ") disambiguate_tosareru(s, lex, h);
    else if (h.kind == "plain" && !plain_form_before(s.n, h.b)) h.dropped = true;
  }
}

// 置いたかな、あの書類。: the predicate comes before a dislocated noun phrase.
void dislocated(Sent& s, const Lexicon& lex, bool wh, std::size_t w, std::vector<RawHit>& hits) {
  std::string_view n = s.n;
  std::size_t first_grammar = hits.size();
  if (!(s.pred.found && w > s.body && before(n, w) == 0x3001)) return;
  const Chunk& h = s.pred.chunks[s.pred.head];
  if (!(h.kind == Chunk::Kind::noun && h.tail.empty())) return;
  std::size_t comma = prev(n, w);
  std::size_t w2 = predicate_window(n, s.body, comma);
  Predicate p2 = analyse_predicate(n, w2, comma);
  if (p2.found && !p2.finals.empty()) {
    grammar_hits(s, p2, lex, wh, hits);
    if (hits.size() > first_grammar) s.pred2 = std::move(p2);
  }
}

// Nothing decided by the final predicate: a clause coordinated with it (…おそれがあり、
// …; …らしいし、…) may carry the sentence's hedge or report.
void coordinated(Sent& s, const Lexicon& lex, std::size_t w, std::vector<RawHit>& hits) {
  std::string_view n = s.n;
  std::size_t comma = prev(n, w);
  std::size_t len = 0;
  char32_t last = before(n, comma, len);
  if (!is_hiragana(last) && !ends_any(n.substr(s.body, comma - s.body), {"一方", "反面", "上"})) return;
  std::size_t w2 = predicate_window(n, s.body, comma);
  Predicate p2 = analyse_predicate(n, w2, comma);
  if (!p2.found) return;
  const Chunk& h2 = p2.chunks[p2.head];
  const Morph& lm = p2.morphs[h2.last - 1];
  // …と述べる一方、…, …としつつ、…, …としながらも、…, …と述べた上で、…: a clause joined by a
  // noun of contrast or sequence (一方, 反面, 上で) or by つつ/ながら goes on like a continuative
  std::size_t lk = h2.last - 1;
  while (lk > h2.first && p2.morphs[lk].pos == Pos::particle && p2.morphs[lk].pos1 != "接続助詞") --lk;
  const Morph& jm = p2.morphs[lk];
  bool joined = (jm.pos == Pos::noun && jm.pos1 == "非自立" &&
                 (jm.base == "一方" || jm.base == "反面" || jm.base == "上" || jm.base == "うえ")) ||
                (jm.pos == Pos::particle && jm.pos1 == "接続助詞" && (jm.surface == "つつ" || jm.surface == "ながら"));
  bool continuative = lm.cform == "連用形" || lm.cform == "連用タ接続" || joined ||
                      (lm.pos == Pos::particle && (lm.surface == "て" || lm.surface == "で" || lm.surface == "し"));
  if (!continuative) return;
  std::size_t k0 = hits.size();
  grammar_hits(s, p2, lex, false, hits);
  // What a coordinated clause contributes: a hedge of its own (…おそれがあり、), or a
  // verb of saying in the continuative (…と述べ、). A thought or a hearing in the
  // て-form (…と聞いて、驚いた) narrates what happened first.
  bool te = !joined && lm.pos == Pos::particle && (lm.surface == "て" || lm.surface == "で");
  // …らしいし、…, …だそうで、…, …らしくて、…: what the clause tells is heard from others
  for (std::size_t k = k0; k < hits.size(); ++k) {
    bool keep = (hits[k].cat == Category::speculation && hits[k].kind != "think") ||
                (hits[k].cat == Category::reported && (hits[k].kind == "speech" || (joined && p2.quote >= 0)) && !te) ||
                (hits[k].cat == Category::reported && p2.has(Modal::hearsay));
    if (!keep) hits[k].dropped = true;
    hits[k].note += " (in a clause coordinated with the main one)";
  }
  if (hits.size() > k0) s.pred2 = std::move(p2);
}

// A reason clause before the main one that reports (…と聞いたので、…; 友人は…と言っていた
// から、…; …冷えるらしいから、…): what someone said or what is heard is the ground of the
// sentence, which is reported. (A hearing
// in the て-form narrates: …と聞いて、驚いた.)
void reason_clause(Sent& s, const Lexicon& lex, std::size_t w, std::vector<RawHit>& hits) {
  std::string_view n = s.n;
  std::size_t comma = prev(n, w);
  std::string_view clause = n.substr(s.body, comma - s.body);
  // (A concession, …と言われていたが、…, sets what was said against the main clause.)
  bool reason = ends_any(clause, {"ので", "から"});
  bool quoted = clause.size() > 3 && (clause.rfind("と") != std::string_view::npos || clause.rfind("って") != std::string_view::npos);
  // …冷えるらしいから、…; …混むそうなので、…: the ground is heard (a hearsay auxiliary)
  bool heard = clause.find("らし") != std::string_view::npos || clause.find("そう") != std::string_view::npos;
  if (!(reason && (quoted || heard))) return;
  std::size_t w2 = predicate_window(n, s.body, comma);
  Predicate p2 = analyse_predicate(n, w2, comma);
  heard = p2.found && p2.has(Modal::hearsay);
  if (!(p2.found && (p2.quote >= 0 || heard))) return;
  std::size_t k0 = hits.size();
  grammar_hits(s, p2, lex, false, hits, true);
  bool kept = false;
  for (std::size_t k = k0; k < hits.size(); ++k) {
    bool keep = hits[k].cat == Category::reported && (hits[k].strength >= 0.75 || heard);
    if (keep) {
      if (!heard) hits[k].strength = std::max(hits[k].strength, 0.8);
      kept = true;
    } else {
      hits[k].dropped = true;
    }
    hits[k].note += " (in a clause that gives the main one its reason)";
  }
  if (kept && !s.pred2.found) s.pred2 = std::move(p2);
}

// 県は、…恐れがあるとして、節水への協力を求めている: a clause of grounds (a predicate + として)
// before a verb of saying that takes an object, not a quotation (求める, 呼びかける, 訴える): the
// grounds are the subject's own words, and the sentence reports them (its hedges with them).
void grounds_clause(Sent& s, const Lexicon& lex, std::size_t w, std::vector<RawHit>& hits) {
  std::string_view n = s.n;
  std::size_t comma = prev(n, w);
  static constexpr std::string_view toshite = "として";
  if (!(comma >= s.body + toshite.size() && ends_with_at(n, comma, toshite))) return;
  std::size_t tb = comma - toshite.size();
  if (!is_hiragana(before(n, tb))) return;  // after a predicate (…あるとして), not a noun (原則として)
  const Predicate& p = s.pred;
  if (!p.found || p.quote >= 0 || p.negative || p.passive) return;
  const Chunk& h = p.chunks[p.head];
  const Cue* sp = lex.word("speech", h.lemma);
  if (!(h.kind == Chunk::Kind::verb && sp && sp->cls != "none")) return;
  RawHit x;
  x.b = tb;
  x.e = p.chunk_end(p.head);
  x.cat = Category::reported;
  x.strength = 0.8;
  x.kind = "speech";
  x.expression = std::string(n.substr(x.b, x.e - x.b));
  x.governs = x.grammar = x.at_end = true;
  x.note = "…として、 + a verb of saying with an object: the grounds are the subject's words";
  hits.push_back(std::move(x));
}

// たぶん雨だと思うんですけど、試合は予定どおりです; 可能性はありますが、…わけではありません:
// a main clause that decides nothing after a concession (a clause ending in the conjunctive
// が, けど, けれど, けれども) leaves the sentence's stance to the concession: its hedge hedges
// the sentence. What someone said there (在庫があると言っていたけど、棚にはなかった) is set
// against the main clause, the writer's fact; a rumour there (…といううわさもあるが、裏付けは
// ない) stays a rumour the main clause answers.
// The concession may end at an earlier comma than the last (…見込んでいますが、これは全額、
// …に充てます): the nearest of the last three that ends in such a particle.
void concessive_clause(Sent& s, const Lexicon& lex, std::size_t w, std::vector<RawHit>& hits) {
  std::string_view n = s.n;
  std::size_t comma = prev(n, w);
  for (int step = 0; step < 3 && !ends_any(n.substr(s.body, comma - s.body), {"が", "けど", "けれど", "けれども"}); ++step) {
    std::size_t i = comma;
    while (i > s.body && before(n, i) != 0x3001 && before(n, i) != ',') i = prev(n, i);
    if (i <= s.body) return;
    comma = prev(n, i);
  }
  std::string_view clause = n.substr(s.body, comma - s.body);
  if (!ends_any(clause, {"が", "けど", "けれど", "けれども"})) return;
  std::size_t w2 = predicate_window(n, s.body, comma);
  Predicate p2 = analyse_predicate(n, w2, comma);
  if (!(p2.found && !p2.morphs.empty())) return;
  const Morph& lm = p2.morphs.back();
  if (!(lm.pos == Pos::particle && lm.pos1 == "接続助詞")) return;  // 社長が、… is a subject
  // A main clause in the negative that answers what the concession quotes (「…」と思われがち
  // ですが、…ありません; …のではと心配する方もいるかもしれませんが、その必要はありません)
  // corrects it: the writer's fact. (A rumour it answers, …との情報が出回っているが、同社は
  // 発表していない, stays a rumour.)
  bool quoting = std::any_of(p2.chunks.begin(), p2.chunks.end(), [](const Chunk& c) { return c.quotative; }) ||
                 clause.find("」") != std::string_view::npos || clause.find("という") != std::string_view::npos;
  bool corrected = s.pred.negative && quoting;
  // 全部は難しいと思いますが、…: a verb of thinking over an adjective judges, it hedges nothing
  bool judged = false;
  if (p2.quote >= 0) {
    const Chunk& q = p2.chunks[p2.quote];
    judged = q.last >= q.first + 2 && p2.morphs[q.last - 2].pos == Pos::adjective;
  }
  std::size_t k0 = hits.size();
  grammar_hits(s, p2, lex, false, hits, true);
  bool kept = false;
  for (std::size_t k = k0; k < hits.size(); ++k) {
    if (judged && hits[k].kind == "think") hits[k].cat = Category::opinion;
    bool rumour = hits[k].cat == Category::reported && hits[k].note.find("rumour") != std::string::npos;
    bool keep = (hits[k].cat == Category::speculation && hits[k].strength >= 0.5 && !corrected) || rumour;
    if (keep) kept = true;
    else hits[k].dropped = true;
    hits[k].note += " (in a concession before a main clause that decides nothing)";
  }
  if (kept && !s.pred2.found) s.pred2 = std::move(p2);
}

// A string cue inside the analysed predicate gives way to the analysis (an opinion cue to a
// request or a greeting over it; any cue but adverbs, agreement, interjections, greetings to
// a grammar hit it overlaps).
void give_way(std::size_t w, std::size_t first_grammar, std::vector<RawHit>& hits) {
  for (std::size_t k = first_grammar; k < hits.size(); ++k)
    for (std::size_t j = 0; j < first_grammar; ++j)
      if (!hits[j].dropped && hits[k].cat == Category::other && hits[j].cat == Category::opinion && hits[j].b >= w &&
          hits[j].b < hits[k].e)
        hits[j].dropped = true;
      else if (!hits[j].dropped && hits[j].b < hits[k].e && hits[k].b < hits[j].e && hits[j].kind != "adverb" &&
               hits[j].kind != "agreement" && hits[j].kind != "interjection" && hits[j].kind != "greeting")
        hits[j].dropped = true;
}

// 2b. The final predicate, analysed, and the clauses before it when it decides nothing.
void predicate_hits(Sent& s, const Lexicon& lex, std::vector<RawHit>& hits) {
  std::string_view n = s.n;
  std::size_t w = predicate_window(n, s.body, s.core_end);
  s.pred = analyse_predicate(n, w, s.core_end);
  bool wh = has_question_word(s, lex, s.body, s.core_end);
  std::size_t first_grammar = hits.size();
  grammar_hits(s, s.pred, lex, wh, hits);
  if (hits.size() == first_grammar) dislocated(s, lex, wh, w, hits);
  bool only_weak = std::all_of(hits.begin() + static_cast<std::ptrdiff_t>(first_grammar), hits.end(),
                               [](const RawHit& h) { return h.cat == Category::reported && h.strength < 0.8; });
  bool after_comma = w > s.body && (before(n, w) == 0x3001 || before(n, w) == ',');
  if (only_weak && after_comma) coordinated(s, lex, w, hits);
  bool strong_report = std::any_of(hits.begin() + static_cast<std::ptrdiff_t>(first_grammar), hits.end(), [](const RawHit& h) {
    return !h.dropped && h.cat == Category::reported && h.strength >= 0.8;
  });
  if (!strong_report && after_comma) reason_clause(s, lex, w, hits);
  if (!strong_report && after_comma) grounds_clause(s, lex, w, hits);
  bool undecided = std::all_of(hits.begin() + static_cast<std::ptrdiff_t>(first_grammar), hits.end(),
                               [](const RawHit& h) { return h.dropped; });
  if (undecided && after_comma) concessive_clause(s, lex, w, hits);
  give_way(w, first_grammar, hits);
}

// 4. Which hits govern the sentence.
void govern(const Sent& s, std::vector<RawHit>& hits) {
  for (auto& h : hits) {
    if (h.dropped || h.kind == "paren" || h.kind == "quote" || h.grammar) continue;
    if (s.in_quote(h.b) && !(h.note == "after a direct quotation")) {
      h.governs = false;
      h.note = h.note.empty() ? "inside a quotation" : h.note;
      continue;
    }
    if (s.in_paren(h.b) && h.expression != "?") {
      h.governs = false;
      continue;
    }
    if (h.note == "after a direct quotation") continue;
    if (h.kind == "adverb" && h.cat == Category::speculation) h.governs = adverb_governs(s, h.e);
    else if (h.kind == "adverb" || h.kind == "greeting" || h.kind == "interjection") h.governs = true;
    else if (h.kind == "np") h.governs = heads_last_clause(s, h);
    else if (h.at_end) h.governs = true;
    else h.governs = heads_clause(s, h.e);
    if (h.governs && h.cat == Category::opinion && leading_clause(s, h.e)) {
      h.governs = false;
      h.note = "an evaluation in a clause before the main one (…深刻で、…): the main clause decides";
    }
  }
}

// The hits kept, in text order, each as the CueHit of the decision (over source bytes). A
// predicate cue is marked with its inflection (と発言しています, 疑われている), without the
// final particles (でしょう, not でしょうね).
std::vector<RawHit> cue_hits(const Sent& s, const std::vector<RawHit>& hits, Decision& d) {
  std::string_view n = s.n;
  std::vector<RawHit> kept;
  for (auto& h : hits)
    if (!h.dropped) kept.push_back(h);
  std::sort(kept.begin(), kept.end(), [](const RawHit& a, const RawHit& b) { return a.b < b.b; });
  for (std::size_t k = 0; k < kept.size(); ++k) {
    RawHit& h = kept[k];
    if (h.governs && !h.at_end && (h.kind.empty() || h.kind == "think" || h.kind == "plain" || h.kind == "hearsay" || h.kind == "rule")) {
      std::size_t limit = k + 1 < kept.size() ? std::min(kept[k + 1].b, s.core_end) : s.core_end;
      std::size_t e = h.e;
      while (e < limit && hiragana_word(at(n, e))) e = next(n, e);
      static const std::string_view finals[] = {"けれども", "けれど", "けど", "が", "ね", "よ", "な", "わ", "さ", "ぞ", "ぜ", "ー"};
      bool stripped = true;
      while (stripped && e > h.e) {
        stripped = false;
        for (auto f : finals) {
          if (e - f.size() >= h.e && ends_with_at(n, e, f)) {
            e -= f.size();
            stripped = true;
            break;
          }
        }
      }
      h.e = e;
    }
    CueHit c;
    auto [sb, se] = s.norm.source(h.b, h.e);
    c.begin = sb;
    c.end = se;
    c.category = h.cat;
    c.strength = h.strength;
    c.kind = h.kind;
    c.expression = h.expression;
    c.governs = h.governs;
    c.note = h.note;
    d.hits.push_back(std::move(c));
  }
  return kept;
}

// Steps 5-10: the decision from the cues found, in order of precedence. Each step returns true
// when it decided (the decision is then in d).
struct Verdict {
  const Sent& s;
  const std::vector<RawHit>& kept;  // parallel to d.hits
  const SentenceContext& ctx;
  const Lexicon& lex;
  Decision& d;

  bool decide(Category cat, std::string rule, std::vector<std::size_t> decisive = {}) {
    d.category = cat;
    d.rule = std::move(rule);
    d.decisive = std::move(decisive);
    return true;
  }
  std::vector<std::size_t> governing(Category cat, double min, double max = 2.0) const {
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < d.hits.size(); ++k)
      if (d.hits[k].governs && d.hits[k].category == cat && d.hits[k].strength >= min && d.hits[k].strength < max)
        out.push_back(k);
    return out;
  }
  // Adds a cue the decision makes itself (not a hit of the lexicon or the grammar).
  std::size_t own_cue(std::size_t b, std::size_t e, Category cat, double strength, std::string kind, std::string expression,
                      std::string note) {
    CueHit c;
    auto [sb, se] = s.norm.source(b, e);
    c.begin = sb;
    c.end = se;
    c.category = cat;
    c.strength = strength;
    c.kind = std::move(kind);
    c.expression = std::move(expression);
    c.governs = true;
    c.note = std::move(note);
    d.hits.push_back(std::move(c));
    return d.hits.size() - 1;
  }

  // 5. Structure first: headings, captions, trailers, bylines and boilerplate are not claims.
  bool structure() {
    if (ctx.block == "head" || ctx.block == "figure" || ctx.block == "trailer" || ctx.block == "byline")
      return decide(Category::other, "structural: " + ctx.block);
    if (ctx.division == "boilerplate") return decide(Category::other, "structural: boilerplate");
    if (ctx.introduced_quote) return decide(Category::reported, "inside a quotation introduced as someone's words");
    if (s.n.substr(s.body, s.core_end - s.body).empty()) return decide(Category::other, "no words");
    return false;
  }

  // 5b. A heading that asks the reader: an FAQ's question (Q1. 電池はどのくらい持ちますか？,
  // 故障でしょうか？), under a Q. label or, in the polite form, beside another heading that
  // asks (ctx.faq: the page repeats the shape). A heading in the plain form (…は？, …のか)
  // names its section's topic and asks nothing, and so does a lone polite one (an article's
  // …でしょうか？ over its section).
  bool heading_question() {
    if (s.excl) return false;
    const Predicate& p = s.pred;
    bool labelled = !s.label.empty() && asks(s.label, lex);
    bool ends_asking = s.qmark || (p.found && (p.has(Modal::question) || p.has(Modal::negation_question)));
    bool wh = has_question_word(s, lex, s.body, s.core_end);
    bool polite = p.found && p.polite;
    if (!((labelled && (ends_asking || wh)) || (polite && ends_asking && ctx.faq))) return false;
    std::vector<std::size_t> cues;
    for (std::size_t k = 0; k < d.hits.size(); ++k)
      if (d.hits[k].governs && d.hits[k].category == Category::question) cues.push_back(k);
    return decide(Category::question, "a heading that asks (an FAQ's question: a Q. label, or polite beside another)", cues);
  }

  // 6. A sentence that only hedges what came before.
  bool retrospective_hedge() {
    if (!retrospective(s, lex)) return false;
    d.retrospective = true;
    d.hits.clear();
    own_cue(s.body, s.core_end, Category::speculation, 1.0, "retrospective", "(hedge sentence)", "hedges what came before");
    return decide(Category::speculation, "only hedges what came before it", {0});
  }

  // A step of a procedure, and a sentence about the text itself (ここでは三つ挙げておきます):
  // told in the polite present with no modality, they instruct or announce, they claim nothing.
  bool instruction() {
    if (!(s.pred.found && d.hits.empty())) return false;
    const Predicate& p = s.pred;
    const Chunk& h = p.chunks[p.head];
    bool plain_step = h.kind == Chunk::Kind::verb && p.polite && !p.past && !p.negative && p.marks.empty() && p.quote < 0 &&
                      !s.qmark && p.finals.empty();
    if (plain_step && ctx.procedure) return decide(Category::other, "a step of a procedure (under its heading)");
    if (plain_step && lex.word("discourse", h.lemma) && !p.passive) {
      for (auto* c : lex.of_kind("textdeixis"))
        if (s.n.find(c->expression, s.body) != std::string_view::npos)
          return decide(Category::other, "a sentence about the text itself (" + c->expression + " … " + h.lemma + ")");
    }
    return false;
  }

  // In a turn that asks (an interviewer, a moderator, a reporter): a request for information
  // or a bare topic is a question.
  bool asking_turn() {
    if (!((ctx.asker || s.dash_label || asks(s.label, lex)) && !s.excl)) return false;
    for (std::size_t k = 0; k < d.hits.size(); ++k)
      if (d.hits[k].governs && d.hits[k].kind == "telling" && d.hits[k].category == Category::other) {
        d.hits[k].category = Category::question;
        d.hits[k].note = "a request in a turn that asks: a question";
        return decide(Category::question, "a request for information in an interviewer's or moderator's turn", {k});
      }
    // …ではないでしょうか from someone who asks: a question put to the other side
    for (std::size_t k = 0; k < d.hits.size(); ++k)
      if (d.hits[k].governs && (d.hits[k].kind == "negq" || d.hits[k].kind == "negq-noun")) {
        d.hits[k].category = Category::question;
        d.hits[k].note = "…ではないでしょうか in a turn that asks: a question";
        return decide(Category::question, "…ではないでしょうか in an interviewer's or moderator's turn", {k});
      }
    // Q. 電池の寿命はどれくらい。, ――それで、どこへ。: a question word in a turn that asks
    // asks, whatever its ending (not a polite or past statement: Q. 何度も試しました。)
    if (has_question_word(s, lex, s.body, s.core_end) &&
        !(s.pred.found && (s.pred.polite || s.pred.past))) {
      std::size_t k = own_cue(s.body, s.core_end, Category::question, 0.8, "", "(a question word)",
                              "a question word in a turn that asks");
      return decide(Category::question, "a question word in an interviewer's or moderator's turn (Q., ――)", {k});
    }
    if (!elliptical(s.pred)) return false;
    std::size_t k = own_cue(s.pred.chunk_begin(s.pred.head), s.pred.end, Category::question, 0.8, "", "(…は。)",
                            "a bare topic in a turn that asks");
    return decide(Category::question, "an elliptical question (…は。) in an interviewer's or moderator's turn", {k});
  }

  // 7. An interjection that is the whole sentence (マジか, なるほどね) asks nothing.
  bool interjection() {
    for (std::size_t k = 0; k < d.hits.size(); ++k)
      if (d.hits[k].kind == "interjection" && kept[k].b <= s.body && kept[k].e >= s.core_end)
        return decide(Category::other, "an interjection", {k});
    return false;
  }

  // Questions: not a request for agreement, not surprise; a question mark, a question ending,
  // a question word with a final でしょう/だろう.
  // A list item put as a question in the plain form (・日本語をどう区切るか, ・予約は必要？): the
  // title of a point the page goes on to make, or a link to one, asked of no one. A polite one
  // (…ますか) addresses someone, and so does one in someone's turn or after a speaker's label
  // (the ○ lines of minutes are items to the segmenter when no turn is found).)
  bool put_question(std::string rule, std::vector<std::size_t> cues = {}) {
    if (ctx.block == "list" && !ctx.spoken && !ctx.asker && s.label.empty() && !s.dash_label && !(s.pred.found && s.pred.polite))
      return decide(Category::other, "a list item put as a question: the title of a point, not asked (" + rule + ")");
    return decide(Category::question, std::move(rule), std::move(cues));
  }

  bool question() {
    std::string_view n = s.n;
    std::string_view core = n.substr(s.body, s.core_end - s.body);
    std::vector<std::size_t> agreement;
    for (std::size_t k = 0; k < d.hits.size(); ++k)
      if (d.hits[k].governs && d.hits[k].kind == "agreement") agreement.push_back(k);
    // 一番の問題は価格ではないでしょうか: said to the others present, a question; in prose a hedge
    for (std::size_t k = 0; k < d.hits.size(); ++k)
      if (d.hits[k].governs && d.hits[k].kind == "negq-noun" && ctx.spoken) {
        d.hits[k].category = Category::question;
        d.hits[k].note = "…ではないでしょうか in a spoken turn: put to the others as a question";
        return decide(Category::question, "a noun with ではないでしょうか in a spoken turn: asks", {k});
      }
    if (!agreement.empty() && !has_question_word(s, lex, s.body, s.core_end))
      return decide(Category::opinion, "asks for agreement, not a question", agreement);
    std::vector<std::size_t> qmarks;
    for (std::size_t k = 0; k < d.hits.size(); ++k)
      if (d.hits[k].expression == "?" && d.hits[k].governs) qmarks.push_back(k);
    if (s.qmark) {
      if (s.excl && !contains_hiragana(core)) return decide(Category::other, "exclamation of surprise (!?) without a predicate");
      for (std::size_t k = 0; k < d.hits.size(); ++k)
        if (d.hits[k].governs && d.hits[k].kind == "suggestion")
          return decide(Category::other, "a suggestion or an invitation, with ？: advises, asks nothing", {k});
      if (surprise_echo(s)) return decide(Category::other, "echo of surprise, not a request for information");
      return put_question("ends with a question mark", qmarks);
    }
    if (!s.excl && !surprised(s, lex)) {
      auto q = governing(Category::question, 0.6);
      std::erase_if(q, [&](std::size_t k) { return d.hits[k].expression == "?"; });
      if (!q.empty()) return put_question("question ending", q);
    } else if (!s.excl && !governing(Category::question, 0.6).empty()) {
      return decide(Category::other, "surprise at what was just said (no question mark): an exclamation");
    }
    // どうでしょう / どういうことなんだろう: a question word before a final でしょう/だろう asks.
    for (std::size_t k = 0; k < d.hits.size(); ++k) {
      auto& h = d.hits[k];
      if (!h.governs || h.category != Category::speculation) continue;
      if (h.expression != "でしょう" && h.expression != "だろう" && h.expression != "かな") continue;
      const RawHit* nb = &kept[k];
      if (!at_sentence_end(s, nb->e)) continue;
      if (before(n, nb->b) == U'か') continue;  // …かでしょう: a guess about an indirect question
      if (has_question_word(s, lex, after_embedded_question(s, s.body, nb->b), nb->b))
        return put_question("a question word with a final " + h.expression + ": wonders", {k});
    }
    return false;
  }

  // 8. Reported speech with a named source or a verb of saying.
  bool reported() {
    // A list item that is a person and words (・営業部の川村さん「…」) is a headline, a link to
    // what they said elsewhere, not a report the page makes.
    if (ctx.block == "list")
      for (auto& h : d.hits)
        if (h.kind == "elided") h.governs = false;
    auto strong = governing(Category::reported, 0.8);
    for (auto k : governing(Category::reported, 0.5))
      if (d.hits[k].note.find("rumour") != std::string::npos) d.rumour = true;
    if (!strong.empty()) return decide(Category::reported, "reported speech (source or verb of saying)", strong);
    return false;
  }

  // 9a. Hearsay that ends the sentence (という, とのことだ, らしい or そうだ after a plain form)
  // with no hedge after it takes in every hedge before it, in its own clause (…可能性がある
  // という) or in a clause coordinated with it (…見込みで、…という): what is heard is the
  // hedged content, and the sentence reports it, as a named source over a hedged content does.
  bool hearsay_over_hedge() {
    const Predicate& p = s.pred;
    const ModalMark* heard = p.found ? p.mark(Modal::hearsay) : nullptr;
    if (!heard) return false;
    for (const ModalMark& m : p.marks)
      if (m.begin > heard->begin && m.what != Modal::hearsay && m.what != Modal::explanatory) return false;
    for (std::size_t k = 0; k < d.hits.size(); ++k)
      if (d.hits[k].governs && d.hits[k].category == Category::reported && kept[k].b == heard->begin) {
        d.unnamed = true;
        return decide(Category::reported, "hearsay over a hedge: what is heard is the hedged content", {k});
      }
    return false;
  }

  // 9. Speculation, unless a verb of thinking sits over an evaluation.
  bool speculation() {
    auto spec = governing(Category::speculation, 0.5);
    if (spec.empty()) return false;
    if (hearsay_over_hedge()) return true;
    bool all_think = std::all_of(spec.begin(), spec.end(), [&](std::size_t k) { return d.hits[k].kind == "think"; });
    if (all_think) {
      // The evaluation is what is thought: in the same clause as the verb of thinking, or the
      // topic of the sentence (私たちの強みは、…だと思っています).
      const RawHit& think = kept[spec.front()];
      for (std::size_t k = 0; k < d.hits.size(); ++k) {
        const RawHit& ev = kept[k];
        if (d.hits[k].category != Category::opinion || ev.b >= think.b || d.hits[k].kind == "agreement") continue;
        std::string_view between = s.n.substr(ev.e, think.b - ev.e);
        bool same_clause = between.find("、") == std::string_view::npos && between.find(",") == std::string_view::npos;
        bool topic = between.starts_with("は") || between.starts_with("なのは") || between.starts_with("なことは");
        if (same_clause || topic) return decide(Category::opinion, "a verb of thinking over an evaluation", {k, spec.front()});
      }
    }
    bool conceded = std::all_of(spec.begin(), spec.end(), [&](std::size_t k) {
      return d.hits[k].note.find("(in a concession") != std::string::npos;
    });
    if (conceded) return decide(Category::speculation, "a hedge in a concession before an undecided main clause", spec);
    return decide(Category::speculation, "hedge heads the main clause", spec);
  }

  // 10. Hearsay, a stated rule, opinion, other; a fragment; else a fact.
  void rest() {
    std::string_view core = s.n.substr(s.body, s.core_end - s.body);
    auto weak = governing(Category::reported, 0.5);
    for (auto k : weak)
      if (d.hits[k].note.find("rumour") != std::string::npos) d.rumour = true;
    if (!weak.empty()) {
      // (A hearsay auxiliary or a passive names no one: …そうだ, …らしい, …とされる; an active
      // verb of report has its subject for a source: 同社は…としている.)
      d.unnamed = s.pred.found && (s.pred.has(Modal::hearsay) || s.pred.passive);
      return (void)decide(Category::reported, "hearsay (unnamed source)", weak);
    }
    auto rule = governing(Category::fact, 0.5);
    if (!rule.empty())
      return (void)decide(Category::fact,
                          d.hits[rule.front()].kind == "naming"  ? "names a thing"
                          : d.hits[rule.front()].kind == "asked" ? "being asked"
                                                                 : "states a rule",
                          rule);
    auto op = governing(Category::opinion, 0.5);
    if (!op.empty()) return (void)decide(Category::opinion, "evaluative", op);
    auto other = governing(Category::other, 0.5);
    if (!other.empty()) return (void)decide(Category::other, "request, greeting, intention or interjection", other);
    if (length(core) <= 4 && !std::any_of(core.begin(), core.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      return (void)decide(Category::other, "a fragment without a predicate");
    decide(Category::fact, "asserted without a hedge");
  }
};

}  // namespace

namespace {

Decision classify_whole(const Normalised& norm, const SentenceContext& ctx, const Lexicon& lex);

// Where the sentences inside the quotation that closes a sentence end (名前「…。…。」, 「…。…」):
// the offsets just after each 。！？ inside it but its last, at the quotation's own depth.
std::vector<std::size_t> inner_stops(const Normalised& norm) {
  std::vector<std::size_t> out;
  std::string_view n = norm.text;
  // (Cheap tests first: most sentences hold no bracket and no inner full stop.)
  if (n.find("「") == std::string_view::npos && n.find("『") == std::string_view::npos) return out;
  std::size_t e = n.size();
  while (e > 0) {
    std::size_t len = 0;
    char32_t c = before(n, e, len);
    if (c == U'。' || c == U'!' || c == U'?' || c == U'.' || is_white_space(c)) e -= len;
    else break;
  }
  std::size_t len = 0;
  char32_t last = before(n, e, len);
  if (!(last == 0x300D || last == 0x300F)) return out;
  std::size_t close = e - len;
  // its opening bracket, matched back
  int depth = 0;
  std::size_t open = std::string_view::npos;
  for (std::size_t i = close; i > 0;) {
    std::size_t l = 0;
    char32_t c = before(n, i, l);
    i -= l;
    if (is_close_bracket(c)) ++depth;
    else if (is_open_bracket(c)) {
      if (depth == 0) {
        open = i;
        break;
      }
      --depth;
    }
  }
  if (open == std::string_view::npos) return out;
  depth = 0;
  for (std::size_t i = next(n, open); i < close; i = next(n, i)) {
    char32_t c = at(n, i);
    if (is_open_bracket(c)) ++depth;
    else if (is_close_bracket(c) && depth > 0) --depth;
    else if (depth == 0 && (c == U'。' || c == U'!' || c == U'?')) {
      std::size_t j = next(n, i);
      while (j < close && (at(n, j) == U'。' || at(n, j) == U'!' || at(n, j) == U'?')) j = next(n, j);
      if (j < close) out.push_back(j);
      i = prev(n, j);
    }
  }
  return out;
}

}  // namespace

// A turn written as 名前「…。…。」 (a transcript line, an interview quoted whole) is one sentence
// that holds several: its last predicate may state a fact while an earlier sentence of the same
// words hedges a forecast. When the whole is a plain statement in a spoken turn, the latest of
// the earlier sentences that hedges decides (its cues are at the same offsets: each is read as
// the prefix of the sentence that ends with it).
Decision classify(std::string_view source, const Normalised& norm, const SentenceContext& ctx, const Lexicon& lex) {
  Decision d = classify_whole(norm, ctx, lex);
  // (Only in a spoken turn: a quotation in narration or under a heading, 「…。…」, is classed
  // by its last sentence, as its readers take it.)
  if (!ctx.spoken || d.category != Category::fact || d.rule != "asserted without a hedge") return d;
  std::vector<std::size_t> stops = inner_stops(norm);
  for (std::size_t k = stops.size(); k-- > 0;) {
    std::size_t src_end = norm.source(0, stops[k]).second;
    if (src_end == 0 || src_end > source.size()) continue;
    Decision part = classify_whole(normalise(source.substr(0, src_end)), ctx, lex);
    // (A hedge of the modality of the predicate, a forecast: not a verb of thinking, which the
    // speaker's own view in passing is, and not a report, which the words around it may only
    // mention.)
    bool forecast = part.category == Category::speculation && !part.decisive.empty() &&
                    std::none_of(part.decisive.begin(), part.decisive.end(),
                                 [&](std::size_t j) { return part.hits[j].kind == "think"; });
    if (forecast) {
      part.rule = "an earlier sentence of the quotation that closes it: " + part.rule;
      part.predicate = d.predicate + "\n    earlier " + part.predicate;
      return part;
    }
  }
  return d;
}

namespace {

Decision classify_whole(const Normalised& norm, const SentenceContext& ctx, const Lexicon& lex) {
  Decision d;
  Sent s = analyse(norm);
  std::string_view n = s.n;
  std::vector<RawHit> hits = lexicon_hits(s, lex);
  disambiguate(s, lex, hits);
  // The final predicate, analysed (structural blocks are decided by their kind).
  bool structural = ctx.block == "head" || ctx.block == "figure" || ctx.block == "trailer" || ctx.block == "byline" ||
                    ctx.division == "boilerplate";
  // (A heading or a page's furniture that may ask the reader, ending in ？ or か or under a Q.
  // label, is analysed: heading_question decides whether it does.)
  bool may_ask = ctx.block == "head" && (s.qmark || ends_with_at(n, s.core_end, "か") || (!s.label.empty() && asks(s.label, lex)));
  if ((!structural || may_ask) && s.core_end > s.body) predicate_hits(s, lex, hits);
  // 3. Rules that look beyond one entry.
  parenthetical_hedges(s, lex, hits);
  direct_quotations(s, lex, hits);
  govern(s, hits);
  std::vector<RawHit> kept = cue_hits(s, hits, d);

  if (s.pred.found || s.pred.end > s.pred.begin) d.predicate = describe(s.pred, n);
  if (s.pred.found) d.predicate_head = s.pred.chunks[s.pred.head].lemma;
  // The subject between the quotation and the verb (…と社長は述べた) is who says it.
  // (Not after という/との, which describe the noun after them: …という声が多い, …との見方が
  // 出ている; nor a noun of a view, a voice, a rumour or a document: と慎重な見方も示した.)
  if (s.pred.found && s.pred.quote >= 0 && s.pred.subject > s.pred.quote && !s.pred.quote_attributive) {
    const Chunk& sub = s.pred.chunks[s.pred.subject];
    const std::string& qp = s.pred.chunks[s.pred.quote].quote_particle;
    bool plain_quote = qp == "と" || qp == "って" || qp == "などと" || qp == "とか";
    bool said_thing = false;
    for (std::string_view kind : {"stance", "voice", "rumour", "epistemic", "evidence", "source"})
      if (lex.word(kind, sub.lemma)) said_thing = true;
    if (plain_quote && !said_thing && sub.kind == Chunk::Kind::noun && sub.content_end > sub.first) {
      d.speaker_begin = s.pred.morphs[sub.first].begin;
      d.speaker_end = s.pred.morphs[sub.content_end - 1].end;
    }
  }
  if (s.pred2.found) d.predicate += "\n    coordinated " + describe(s.pred2, n);

  Verdict v{s, kept, ctx, lex, d};
  if (may_ask && v.heading_question()) return d;
  if (v.structure() || v.retrospective_hedge() || v.instruction() || v.asking_turn() || v.interjection() || v.question() ||
      v.reported() || v.speculation())
    return d;
  v.rest();
  return d;
}

}  // namespace

}  // namespace jatei::claims
