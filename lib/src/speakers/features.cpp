// Paragraph features: the register and the end of each sentence, the cues at its start, and the
// names it calls, addresses or speaks of.
#include "speakers/features.hpp"

#include <algorithm>
#include <cmath>

#include "jatei/segment.hpp"
#include "speakers/textutil.hpp"

namespace jatei::speakers {

namespace {

// Emoji, and the symbols people end a casual sentence with (☆ ★ ♪ ♡ arrows).
bool is_emoji_mark(char32_t c) {
  return c >= 0x1F000 || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF) || c == 0xFE0F ||
         c == 0x200D || (c >= 0x2190 && c <= 0x21FF) || c == 0x2606 || c == 0x2605 || c == 0x266A ||
         c == 0x266B || c == 0x266C || c == 0x2661 || c == 0x2665;
}

const std::u32string kEmoticonWords[] = {U"笑", U"爆笑", U"苦笑", U"失笑", U"汗", U"泣", U"涙", U"怒", U"照", U"驚", U"謎", U"嘘"};

bool is_halfwidth_katakana(char32_t c) { return c >= 0xFF66 && c <= 0xFF9F; }

// A short bracket group at the end of `s` ((笑), (´・ω・`), (苦笑)): where it opens, or npos.
std::size_t closing_group(std::string_view body) {
  std::size_t k = body.size();
  for (int n = 0; n < 16 && k > 0; ++n) {
    std::size_t len = 0;
    char32_t d = text::before(body, k, len);
    k -= len;
    if (d == '(' || d == U'（') return k;
  }
  return std::string_view::npos;
}

}  // namespace

Ending analyse_ending(std::string_view sentence, const SpeakerModel::Compiled& cues) {
  Ending e;
  std::string_view s = trim_space(sentence);
  // Strip what follows the last word: terminators, closing brackets, emoji, kaomoji, (笑), w.
  for (int guard = 0; guard < 64 && !s.empty(); ++guard) {
    std::size_t len = 0;
    char32_t c = text::before(s, s.size(), len);
    if (c == '?' || c == U'？') {
      e.question = true;
    } else if (c == '!' || c == U'！') {
      e.exclaim = true;
    } else if (c == U'。' || c == U'．' || c == '.' || c == U'…' || c == U'‥' || c == U'、' || c == ',' ||
               c == U'〜' || c == U'～' || c == U'ー' || c == U'ｰ' || c == U'・' || c == '~' || text::is_space(c)) {
    } else if (c == U'」' || c == U'』' || c == U'】' || c == U'］' || c == ']' || c == U'〕' || c == U'〉' ||
               c == U'》') {
      // look at what was said inside
    } else if (c == ')' || c == U'）') {
      std::string_view body = s.substr(0, s.size() - len);
      std::size_t open = closing_group(body);
      if (open == std::string_view::npos) {
        s = body;
        continue;
      }
      std::string_view inner = body.substr(text::next(body, open));
      std::u32string u;
      for (text::CodePoint cp : text::code_points(inner)) u.push_back(cp.c);
      bool word = std::find(std::begin(kEmoticonWords), std::end(kEmoticonWords), u) != std::end(kEmoticonWords);
      bool symbols = std::any_of(u.begin(), u.end(), [](char32_t d) {
        return !(text::is_kanji(d) || text::katakana_word(d) || text::is_hiragana(d) || text::is_latin(d) ||
                 text::is_digit(d));
      });
      if (word || symbols) e.marker = true;
      s = body.substr(0, open);
      continue;
    } else if (is_emoji_mark(c)) {
      e.marker = true;
    } else if ((c == 'w' || c == U'ｗ') && s.size() > len) {
      if (text::is_latin(text::before(s, s.size() - len))) break;  // a Latin word that ends in w
      e.marker = true;
    } else if (is_halfwidth_katakana(c)) {
      // half-width katakana after a kaomoji: (｀・ω・´)ｷﾘｯ
      std::size_t k = s.size();
      while (k > 0 && is_halfwidth_katakana(text::before(s, k))) k = text::prev(s, k);
      char32_t before = text::before(s, k);
      if (before != ')' && before != U'）') break;
      e.marker = true;
      s = s.substr(0, k);
      continue;
    } else {
      break;
    }
    s.remove_suffix(len);
  }
  std::string_view core = s;
  if (cues["request-end"].suffix(core)) e.request = true;
  if (ends_with(core, "か") || ends_with(core, "かな") || ends_with(core, "かね") || ends_with(core, "っけ"))
    e.question = true;
  // 今後の目標は。 回収の規模は。: a topic with no predicate asks (the elliptical question).
  if (ends_with(core, "は") && core.size() < trim_space(sentence).size() && text::length(core) > 2) e.question = true;
  bool casual_particle = false;
  for (int k = 0; k < 3; ++k) {
    bool weak = false;
    std::size_t n = cues["final-particle"].suffix(core, &weak);
    if (n == 0 || n >= core.size()) break;
    casual_particle = casual_particle || weak;
    core.remove_suffix(n);
    if (cues["polite-end"].suffix(core)) break;
  }
  e.polite = cues["polite-end"].suffix(core) > 0;
  e.casual = !e.polite && (casual_particle || cues["casual-end"].suffix(core) > 0 || e.marker);
  return e;
}

std::string name_at(std::string_view s, const SpeakerModel::Compiled& cues, std::size_t& end, bool at_start) {
  if (std::size_t n = cues["title-name"].prefix(s)) {
    end = n;
    return std::string(s.substr(0, n));
  }
  // A run of up to 10 name characters, then an honorific somewhere after its first character.
  std::vector<text::CodePoint> cps;
  text::decode_all(s.substr(0, std::min<std::size_t>(s.size(), 64)), cps);
  std::size_t run = 0;
  while (run < cps.size() && run < 10 && is_name_char(cps[run].c)) ++run;
  for (std::size_t j = 1; j < run || (j == run && j < cps.size()); ++j) {
    std::size_t at = cps[j].at;
    if (std::size_t h = cues["honorific"].prefix(s.substr(at))) {
      std::string name(s.substr(0, at));
      if (cues["not-name"].whole(name)) return {};
      end = at + h;
      return std::string(s.substr(0, at + h));
    }
  }
  // A given name in hiragana (ひろみさん, 小野寺あかねさん): two to four hiragana right before the
  // honorific, after a family name or at the start of a sentence; not a word with the polite
  // prefix (おばさん, ご主人さま) nor, after a name, a particle (田中のおばさん).
  if (run == 0 && !at_start) return {};
  if (run < cps.size() && text::is_hiragana(cps[run].c)) {
    char32_t c0 = cps[run].c;
    if (c0 == U'お' || c0 == U'ご') return {};
    if (run > 0 && (c0 == U'の' || c0 == U'が' || c0 == U'は' || c0 == U'を' || c0 == U'に' || c0 == U'と' ||
                    c0 == U'へ' || c0 == U'も' || c0 == U'や' || c0 == U'で'))
      return {};
    for (std::size_t len = 2; len <= 4 && run + len < cps.size(); ++len) {
      if (!text::is_hiragana(cps[run + len - 1].c)) break;
      std::size_t at = cps[run + len].at;
      std::size_t h = cues["honorific"].prefix(s.substr(at));
      // Only the honorifics of a person's name (さん, ちゃん, くん), not a title (でも先生 is でも, 先生).
      if (!h || !cues["hiragana-honorific"].whole(s.substr(at, h))) continue;
      std::string_view given = s.substr(cps[run].at, at - cps[run].at);
      if (cues["not-name"].whole(given) || cues["not-name"].whole(s.substr(0, at))) return {};
      // A word that opens a turn is no name (じゃあさん… ねえちゃん: ねえ, ちゃん).
      if (cues["vocative-skip"].prefix(given) || cues["objection"].prefix(given) || cues["continuation"].prefix(given) ||
          cues["reaction"].prefix(given) || cues["answer"].prefix(given))
        return {};
      end = at + h;
      return std::string(s.substr(0, at + h));
    }
  }
  return {};
}

std::string normalise_name(std::string_view raw, const SpeakerModel::Compiled& cues) {
  if (cues["title-name"].whole(raw)) return std::string(raw);
  if (std::size_t n = cues["strip-honorific"].suffix(raw); n && n < raw.size()) raw.remove_suffix(n);
  return std::string(raw);
}

namespace {

bool vocative_delimiter(std::string_view rest) {
  if (rest.empty()) return true;
  char32_t c = text::at(rest, 0);
  return c == U'、' || c == U'，' || c == ',' || c == '!' || c == U'！' || c == '?' || c == U'？' || c == U'。' ||
         c == U'…' || c == U'〜' || c == U'～' || c == U'ー' || text::is_space(c);
}

// A name called at the start of a sentence, after an opening word (ねえ、ミオ先輩！ では岸さん、).
std::string find_vocative(std::string_view sentence, const SpeakerModel::Compiled& cues) {
  std::string_view s = trim_space(sentence);
  if (std::size_t n = cues["vocative-skip"].prefix(s)) {
    std::string_view rest = s.substr(n);
    while (!rest.empty()) {  // the punctuation after the opening word
      std::size_t len = 0;
      char32_t c = text::at(rest, 0, len);
      if (c != U'、' && c != U'，' && c != ',' && c != '!' && c != U'！' && c != U'ー' && c != U'〜' && c != U'。' &&
          !text::is_space(c))
        break;
      rest.remove_prefix(len);
    }
    std::size_t end = 0;
    std::string name = name_at(rest, cues, end, true);
    if (!name.empty() && vocative_delimiter(rest.substr(end))) return name;
  }
  std::size_t end = 0;
  std::string name = name_at(s, cues, end, true);
  if (!name.empty() && vocative_delimiter(s.substr(end))) return name;
  return {};
}

// Names with an honorific anywhere in a sentence, with what follows each.
struct NameUse {
  std::string name;
  std::string_view rest;
};
std::vector<NameUse> names_in(std::string_view sentence, const SpeakerModel::Compiled& cues) {
  std::vector<NameUse> out;
  if (!cues["honorific"].contains(sentence) && !cues["title-name"].contains(sentence)) return out;
  char32_t prev = 0;
  std::string_view trimmed = trim_space(sentence);
  const std::size_t first = trimmed.empty() ? sentence.size() : static_cast<std::size_t>(trimmed.data() - sentence.data());
  for (text::CodePoint cp : text::code_points(sentence)) {
    bool at_start = cp.at == first;  // a name in hiragana only opens the sentence (ひろみさんは…)
    bool starts = (is_name_char(cp.c) && !is_name_char(prev)) || (at_start && text::is_hiragana(cp.c));
    bool polite_prefix = prev == U'お' || prev == U'ご';  // お客さん, ご主人様: no name
    prev = cp.c;
    if (!starts || polite_prefix) continue;
    std::size_t end = 0;
    std::string name = name_at(sentence.substr(cp.at), cues, end, at_start);
    if (name.empty()) continue;
    std::string given = name;  // the name without its honorific, for the family name before it
    for (text::CodePoint g : text::code_points(name))
      if (g.at > 0 && cues["honorific"].prefix(std::string_view(name).substr(g.at))) {
        given.resize(g.at);
        break;
      }
    out.push_back({family_before(sentence, cp.at, given, cues) + name, sentence.substr(cp.at + end)});
  }
  return out;
}

}  // namespace

std::string family_before(std::string_view s, std::size_t at, std::string_view given,
                          const SpeakerModel::Compiled& cues) {
  if (at == 0 || at > s.size() || !text::is_space(text::before(s, at))) return {};
  int kanji = 0, kana = 0, other = 0;
  for (text::CodePoint cp : text::code_points(given)) {
    if (text::is_kanji(cp.c)) ++kanji;
    else if (text::is_kana(cp.c)) ++kana;
    else ++other;
  }
  if (other || (kanji && kana) || kanji > 3 || kana > 4 || kanji + kana == 0) return {};
  std::size_t sp = text::prev(s, at), b = sp;
  int n = 0;
  while (b > 0 && text::is_kanji(text::before(s, b)) && n < 4) b = text::prev(s, b), ++n;
  if (n == 0 || n > 3 || (b > 0 && is_name_char(text::before(s, b)))) return {};
  std::string_view family = s.substr(b, sp - b);
  if (cues["role-word"].whole(family) || cues["title-name"].whole(family) || cues["honorific"].whole(family) ||
      cues["role-word"].suffix(family))
    return {};
  return std::string(s.substr(b, at - b));
}

std::vector<std::string> names_in_text(std::string_view s, const SpeakerModel::Compiled& cues) {
  std::vector<std::string> out;
  for (auto& use : names_in(s, cues)) out.push_back(use.name);
  return out;
}

namespace {

// Whether what follows a name is the person's own place or group as where the question asks
// (の大学では, の町の高校生は, の店に): の, nouns (kanji, katakana, の between), then an
// [own-side-case] particle that is no [about-case] (の指摘について speaks of their words to another).
bool own_place(std::string_view rest, const SpeakerModel::Compiled& cues) {
  if (!rest.starts_with("の")) return false;
  std::size_t i = 0, nouns = 0;
  while (i < rest.size()) {
    char32_t c = text::at(rest, i);
    if (c == U'の') {
      i = text::next(rest, i);
      continue;
    }
    if (!text::is_kanji(c) && !text::katakana_word(c)) break;
    ++nouns;
    i = text::next(rest, i);
  }
  std::string_view after = rest.substr(i);
  return nouns > 0 && cues["own-side-case"].prefix(after) > 0 && cues["about-case"].prefix(after) == 0;
}

// Whether a sentence ends by putting to someone what the speaker has heard or supposes of them
// ([prompt-end]: …と伺いました, …そうですね), without its closing punctuation.
bool prompt_end(std::string_view sentence, const SpeakerModel::Compiled& cues) {
  std::string_view s = trim_space(sentence);
  while (!s.empty() && (text::is_terminator(text::before(s, s.size())) || text::before(s, s.size()) == U'…'))
    s = s.substr(0, text::prev(s, s.size()));
  return cues["prompt-end"].suffix(s) > 0;
}

// The names of sentence k with an honorific: the one it speaks to (asked, prompted, given the
// floor) into f.addressed, the others into f.mentioned; `voc` is its vocative, read already.
void read_names(Features& f, const std::vector<std::string_view>& sentences, std::size_t k, const Ending& e,
                const std::string& voc, const SpeakerModel::Compiled& cues) {
  auto uses = names_in(sentences[k], cues);
  for (auto& use : uses) {
    if (use.name == voc) continue;
    // 大塚さんから。 西村さんどうぞ。 小西投手からどうぞ。: a sentence that only gives someone
    // the floor (the name, or the name and から before a request)
    std::string_view rest = trim_space(use.rest);
    while (!rest.empty() && (text::is_terminator(text::before(rest, rest.size())) || text::before(rest, rest.size()) == U'、'))
      rest = rest.substr(0, text::prev(rest, rest.size()));
    const bool opens = trim_space(sentences[k]).starts_with(use.name);
    // (竹内さんから、お願いします。 …何が必要か、村井さんから。: after a comma too, the name and
    // から closing the sentence.)
    std::string_view from_rest = rest;
    if (from_rest.starts_with("から")) from_rest.remove_prefix(std::string_view("から").size());
    while (!from_rest.empty() && text::at(from_rest, 0) == U'、') from_rest.remove_prefix(text::next(from_rest, 0));
    const bool after_comma = [&] {
      std::string_view sent = sentences[k];
      std::size_t at = static_cast<std::size_t>(use.rest.data() - sent.data());
      at = at >= use.name.size() ? at - use.name.size() : 0;
      return at > 0 && (text::before(sent, at) == U'、' || text::before(sent, at) == U'，');
    }();
    bool floor = (opens && text::length(rest) <= 3) ||
                 ((opens || after_comma) && rest.starts_with("から") &&
                  (from_rest.empty() || (text::length(from_rest) <= 8 && (e.request || cues["request-end"].suffix(from_rest) ||
                                                                         from_rest.ends_with("どうぞ")))));
    // まずは逆転打の石田選手です！: the last sentence presents the one person it names (or the one
    // before a short last word to them, …小西投手です。おめでとうございます。), who has the floor next.
    auto last_word = [&] {
      if (k + 2 != sentences.size()) return k + 1 == sentences.size();
      std::string_view after = trim_space(sentences[k + 1]);
      return text::length(after) <= 15 && !analyse_ending(after, cues).question && names_in(after, cues).empty();
    };
    // (The name stands as a noun of its own: after の, は, a comma, a space or a clause that
    // ends in a plain verb, or opening the sentence; not 着くん in 落ち着くんです.)
    auto noun_of_its_own = [&] {
      std::string_view sent = sentences[k];
      std::size_t at = static_cast<std::size_t>(use.rest.data() - sent.data());
      at = at >= use.name.size() ? at - use.name.size() : 0;
      if (trim_space(sent.substr(0, at)).empty()) return true;
      char32_t b = text::before(sent, at);
      return b == U'の' || b == U'は' || b == U'、' || b == U'，' || text::is_space(b) ||
             b == U'た' || b == U'る' || b == U'い';  // …を締めた小西投手です
    };
    floor = floor || (uses.size() == 1 && cues["presents-end"].whole(rest) && last_word() && noun_of_its_own());
    // 工藤さんのところは、…と聞きます。: a sentence that opens with someone's own side (an
    // [addressee-particle] after の) speaks to them, asked or not; so does a question that
    // opens with the one person it names and what is theirs (杉本さんの大学では、…ますか。).
    bool own_side = opens && use.rest.starts_with("の") &&
                    (cues["addressee-particle"].prefix(use.rest) > 0 ||
                     ((e.question || e.request) && uses.size() == 1 && own_place(use.rest, cues)));
    // 三上さんは、おじいさまのお店を継がれたそうですね。: a sentence that opens with the person as
    // its topic and ends by putting to them what the speaker has heard of them ([prompt-end]).
    bool prompted = opens && (use.rest.starts_with("は") || use.rest.starts_with("も")) && prompt_end(sentences[k], cues);
    bool asked = ((e.question || e.request) && cues["addressee-particle"].prefix(use.rest)) || own_side || prompted;
    if (asked || floor) {
      if (f.addressed.empty()) f.addressed = use.name;
    } else {
      f.mentioned.push_back(use.name);
    }
  }
}

}  // namespace

RoleWeights::RoleWeights(const SpeakerModel& m)
    : length(m.weight("role.length")),
      pivot(m.weight("role.length_pivot")),
      move(m.weight("role.move")),
      numbers(m.weight("role.numbers")),
      answer(m.weight("role.answer")),
      question(m.weight("role.question")),
      react(m.weight("role.react")),
      request(m.weight("role.request")) {}

Features text_features(std::string_view whole, const std::vector<std::string_view>& sentences,
                       const SpeakerModel& model, const RoleWeights& rw) {
  const auto& cues = model.compiled();
  Features f;
  std::string_view t = trim_space(whole);
  for (text::CodePoint cp : text::code_points(t)) f.chars += !text::is_white_space(cp.c);
  f.sentences = static_cast<int>(sentences.size());
  int polite = 0, casual = 0;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    Ending e = analyse_ending(sentences[k], cues);
    polite += e.polite;
    casual += e.casual;
    f.any_question = f.any_question || e.question;
    f.exclaim = f.exclaim || e.exclaim;
    f.marker = f.marker || e.marker;
    if (k + 1 == sentences.size()) {
      f.question = e.question;
      f.request = e.request;
    }
    f.group_call = f.group_call || cues["group-address"].prefix(trim_space(sentences[k])) > 0;
    std::string voc = find_vocative(sentences[k], cues);
    if (!voc.empty() && k > 0) f.vocatives.push_back(voc);
    read_names(f, sentences, k, e, voc, cues);
  }
  if (!sentences.empty()) {
    f.polite = static_cast<double>(polite) / static_cast<double>(sentences.size());
    f.casual = static_cast<double>(casual) / static_cast<double>(sentences.size());
  }
  std::string outside = outside_quotes(t);
  f.first_person = cues["first-person"].contains(outside);
  f.react = cues["reaction"].prefix(t) > 0;
  f.greeting = cues["greeting"].prefix(t) > 0;
  f.answer = cues["answer"].prefix(t) > 0;
  // An objection that starts with a connective of continuation and goes on (ただ、それは) is an
  // objection only: what follows the connective answers the other person.
  std::size_t objection = cues["objection"].prefix(t), continuation = cues["continuation"].prefix(t);
  f.objection = objection > 0;
  f.continuation = continuation > 0 && objection <= continuation;
  f.note = cues["note"].prefix(t) > 0;
  f.move = cues["move"].contains(t);
  std::string_view first = sentences.empty() ? t : sentences.front();
  std::string_view head =
      t.substr(0, std::min<std::size_t>(t.size(), first.size() + (sentences.size() > 1 ? sentences[1].size() + 8 : 0)));
  f.refer_back = cues["refer-back"].contains(first);
  // A follow-up: a word that points back at what was just said ([follow-up]), a reaction or an
  // answer first, or a first sentence that acknowledges it (思ったより多いですね。) before the
  // question.
  bool acknowledges = false;
  if (sentences.size() > 1) {
    std::string_view s0 = trim_space(sentences.front());
    while (!s0.empty() && text::is_terminator(text::before(s0, s0.size()))) s0 = s0.substr(0, text::prev(s0, s0.size()));
    acknowledges = ends_with(s0, "ね");
  }
  f.follow_up = cues["follow-up"].prefix(t) > 0 || acknowledges ||
                (!sentences.empty() && cues["follow-up"].prefix(trim_space(sentences.back())) > 0);
  f.figure_ref = cues["figure-ref"].contains(head);
  for (std::size_t i = 0; i < t.size();) {
    if (text::is_digit(text::at(t, i))) {
      ++f.numbers;
      while (i < t.size()) {
        char32_t c = text::at(t, i);
        if (!text::is_digit(c) && c != '.' && c != ',') break;
        i = text::next(t, i);
      }
      continue;
    }
    i = text::next(t, i);
  }
  // 村上です。 / はい、東です。 / 市民協働課の岩田と申します。: a sentence among the first two that
  // is only a name and a [self-intro] ending names the one speaking.
  for (std::size_t k = 0; k < sentences.size() && k < 2 && f.self_named.empty(); ++k) {
    std::string_view s = trim_space(sentences[k]);
    while (!s.empty() && text::is_terminator(text::before(s, s.size()))) s = s.substr(0, text::prev(s, s.size()));
    s.remove_prefix(std::max(cues["answer"].prefix(s), cues["greeting"].prefix(s)));
    while (!s.empty() && (text::at(s, 0) == U'、' || text::is_space(text::at(s, 0)))) s.remove_prefix(text::next(s, 0));
    std::size_t n = cues["self-intro"].suffix(s);
    if (!n || n >= s.size()) continue;
    std::string_view said = s.substr(0, s.size() - n);
    std::size_t start = said.size();
    while (start > 0 && is_name_char(text::before(said, start))) start = text::prev(said, start);
    std::size_t len = text::length(said.substr(start));
    bool of = start > 0 && (said.substr(0, start).ends_with("の") || text::is_space(text::before(said, start)));
    // No one gives their own name with an honorific (…サヨナラ打の森田選手です。 presents another).
    bool honoured = cues["honorific"].suffix(said.substr(start)) > 0;
    if (len >= 1 && len <= 6 && (start == 0 || of) && !honoured && !cues["title-name"].whole(said.substr(start))) {
      f.self_named = std::string(said.substr(start));
      f.self_alone = start == 0;
    }
  }
  f.vocative = find_vocative(t, cues);
  if (!f.vocative.empty()) f.vocatives.insert(f.vocatives.begin(), f.vocative);

  f.narrative = f.sentences > 0 && polite == 0 && casual == 0 && !f.any_question && !f.exclaim && !f.marker &&
                !f.first_person && !f.react && !f.answer && !f.greeting && f.vocative.empty();
  f.intro = f.sentences > 0 && !f.react && !f.answer && f.vocative.empty() &&
            cues["intro"].contains(t);
  f.role = rw.length * (std::log2(static_cast<double>(std::max<std::size_t>(f.chars, 1))) - rw.pivot) +
           rw.move * f.move + rw.numbers * std::min(f.numbers, 3) + rw.answer * f.answer + rw.question * f.question +
           rw.react * f.react + rw.request * f.request;
  return f;
}

// 関東日報の高橋です。 千葉から参りました山口です。 株主番号3102番の者です。: a first sentence that
// only says who speaks: a [self-intro] ending after a name (or a [self-noun], 者, when the speaker
// gives none) that opens the sentence or follows の, a comma, a space or a verb (…た, …る), with no
// topic, subject or object particle before it (値上げの理由は原材料の高騰です says something else).
std::optional<std::string> introduction(std::string_view text, const SpeakerModel::Compiled& cues) {
  std::string_view s = trim_space(text);
  for (std::size_t i = 0; i < s.size(); i = text::next(s, i))
    if (text::is_terminator(text::at(s, i))) {
      s = s.substr(0, i);
      break;
    }
  s.remove_prefix(std::max(cues["answer"].prefix(s), cues["greeting"].prefix(s)));
  while (!s.empty() && (text::at(s, 0) == U'、' || text::is_space(text::at(s, 0)))) s.remove_prefix(text::next(s, 0));
  std::size_t n = cues["self-intro"].suffix(s);
  if (!n || n >= s.size()) return std::nullopt;
  std::string_view said = s.substr(0, s.size() - n);
  std::size_t start = said.size();
  while (start > 0 && is_name_char(text::before(said, start))) start = text::prev(said, start);
  std::string_view who = said.substr(start), before = said.substr(0, start);
  char32_t b = start > 0 ? text::before(said, start) : 0;
  bool opens = start == 0 || b == U'の' || b == U'、' || b == U'，' || text::is_space(b) || b == U'た' || b == U'る';
  for (text::CodePoint cp : text::code_points(before))
    if (cp.c == U'は' || cp.c == U'が' || cp.c == U'を') return std::nullopt;
  std::size_t len = text::length(who);
  if (len < 1 || len > 6 || !opens || cues["honorific"].suffix(who) > 0 || cues["title-name"].whole(who) ||
      cues["not-name"].whole(who) || cues["role-word"].whole(who))
    return std::nullopt;
  return cues["self-noun"].whole(who) ? std::string() : std::string(who);
}

Features paragraph_features(const Leaf& leaf, const SpeakerModel& model, const RoleWeights& rw) {
  std::string whole = spoken_text(leaf);
  std::vector<std::string_view> sentences;
  for (auto& p : leaf.pieces)
    if (p.kind == Piece::Kind::sentence && !trim_space(p.sentence.text).empty()) sentences.push_back(p.sentence.text);
  return text_features(whole, sentences, model, rw);
}

}  // namespace jatei::speakers
