// A monologue: the transcript of one person's speech (a results briefing, a lecture, an address,
// a ceremony's speech). Nobody else speaks and no label says who speaks, so neither the label
// styles nor the unlabelled dialogue find a turn; yet the paragraphs are that person's words.
// The document says so itself:
//   - a title or a lead before the speech names a spoken event ([speech-event]: 説明会, 講演,
//     スピーチ, 書き起こし…);
//   - the speech opens with words said to an audience (a greeting, 皆さま、…, [speech-act]:
//     ご説明いたします, お集まりいただき…) and most of its paragraphs are in a spoken register;
//   - at least two of its paragraphs speak to the audience so (an opening and a closing).
// Its paragraphs, from the first that speaks to the audience to the last in a spoken register,
// are then one person's turns; headings, notes, captions and stage directions between them
// ((スライド5を投影)) and the written lead before them stay outside. The person is the one an
// attendee line names (説明者：…, 登壇者：…), else the one who gives their name in the speech
// (社長の村井でございます), else the one person the lead names with a title or an honorific.
// Only in a document with no label style and no unmarked interview, and only when the speech
// exchanges nothing with anyone (few reactions, answers or calls by name): then the unlabelled
// dialogue is not looked for.
#include <algorithm>
#include <set>

#include "speakers/analysis.hpp"
#include "speakers/textutil.hpp"

namespace jatei::speakers {

namespace {

// A paragraph wholly in parentheses, longer than a laugh mark: a stage direction.
bool in_parentheses(std::string_view t) {
  t = trim_space(t);
  if (t.empty()) return false;
  char32_t open = text::at(t, 0), close = text::before(t, t.size());
  return ((open == U'（' && close == U'）') || (open == '(' && close == ')')) && text::length(t) > 4;
}

// A call to everyone anywhere in the text, a comma after it (新入社員の皆さん、…).
bool calls_everyone(std::string_view t, const SpeakerModel::Compiled& cues) {
  for (auto& e : cues["group-address"].literal())
    for (std::size_t at = t.find(e.text); at != std::string_view::npos; at = t.find(e.text, at + 1))
      if (t.substr(at + e.text.size()).starts_with("、")) return true;
  return false;
}

// Words said to an audience: a greeting or thanks at the start, a call to everyone (皆さん、…
// 新入社員の皆さん、…), or a [speech-act] anywhere in the paragraph.
bool to_the_audience(const Item& it, const SpeakerModel::Compiled& cues) {
  return it.f.greeting || it.f.group_call || calls_everyone(it.text, cues) || cues["speech-act"].contains(it.text);
}

// What a dialogue does and a speech does not: react or answer to someone, call a person by name.
bool exchanges(const Item& it) {
  return it.f.react || it.f.answer || !it.f.vocatives.empty() || !it.f.addressed.empty() || !it.f.vocative.empty();
}

std::string strip_honorific_of(std::string name, const SpeakerModel::Compiled& cues) {
  for (auto& e : cues["honorific"].literal())
    if (name.size() > e.text.size() && ends_with(name, e.text)) {
      name.resize(name.size() - e.text.size());
      break;
    }
  return name;
}

// The name the speaker gives at the opening (ただいまご紹介にあずかりました沢口です。 社長の村井で
// ございます。): a run of two to four kanji that ends a sentence of the first paragraph before
// です, でございます or と申します, written in the text before the speech too; the fuller form the
// text before it writes (沢口千尋), else that run. "" when there is none.
std::string given_at_the_opening(const Item& first, const std::vector<std::string>& before) {
  static constexpr std::string_view kEnds[] = {"でございます", "と申します", "です"};
  for (auto& piece : first.block.leaves[0].pieces) {
    if (piece.kind != Piece::Kind::sentence) continue;
    std::string_view sentence = trim_space(piece.sentence.text);
    while (!sentence.empty() && text::is_terminator(text::before(sentence, sentence.size())))
      sentence = sentence.substr(0, text::prev(sentence, sentence.size()));
    for (std::string_view end : kEnds) {
      if (!ends_with(sentence, end)) continue;
      std::string_view head = sentence.substr(0, sentence.size() - end.size());
      std::size_t start = head.size();
      int n = 0;
      while (start > 0 && text::is_kanji(text::before(head, start))) start = text::prev(head, start), ++n;
      if (n < 2 || n > 4) break;
      std::string_view run = head.substr(start);
      for (auto& t : before)
        for (std::size_t at = t.find(run); at != std::string::npos; at = t.find(run, at + 1)) {
          if (at > 0 && text::is_kanji(text::before(t, at))) continue;  // inside a longer word
          std::size_t e = at;
          int m = 0;
          while (e < t.size() && m < 6 && text::is_kanji(text::at(t, e))) e = text::next(t, e), ++m;
          return t.substr(at, e - at);
        }
      break;
    }
  }
  return {};
}

}  // namespace

void find_monologue(Context& cx) {
  std::vector<Item*> items = cx.items();
  // Only where nothing is spoken yet: no label style, no dialogue.
  for (auto& r : cx.runs)
    if (r.mode == Run::Mode::labelled) return;
  for (Item* it : items)
    if (it->part != Part::outside || !it->person.empty()) return;
  const auto& cues = cx.cues;
  // The first paragraph that speaks to the audience opens the speech.
  std::size_t first = items.size();
  for (std::size_t k = 0; k < items.size() && first == items.size(); ++k)
    if (items[k]->paragraph && !items[k]->f.note && items[k]->f.spoken() && to_the_audience(*items[k], cues)) first = k;
  if (first == items.size()) return;
  // A spoken event declared before it (the title, a heading, a lead or a byline; not a caption),
  // and no more than a lead's paragraphs before it.
  bool event = cues["speech-event"].contains(cx.doc.header.title);
  std::vector<std::string> before;
  int lead = 0;
  for (std::size_t k = 0; k < first; ++k) {
    const Item& it = *items[k];
    if (it.block.leaves.empty() || it.block.kind == BlockKind::figure) continue;
    before.push_back(leaf_text(it.block.leaves[0]));
    event = event || cues["speech-event"].contains(before.back());
    lead += it.paragraph && !it.f.note;
  }
  if (!event) {
    cx.monologue_why = "no monologue: no spoken event named before the first words to an audience";
    return;
  }
  if (lead > cx.w("monologue.max_lead")) {
    cx.monologue_why = "no monologue: " + std::to_string(lead) + " paragraphs before the first words to an audience";
    return;
  }
  // The last paragraph in a spoken register closes it.
  std::size_t last = first;
  for (std::size_t k = first; k < items.size(); ++k)
    if (items[k]->paragraph && !items[k]->f.note && (items[k]->f.polite > 0 || items[k]->f.casual > 0)) last = k;
  int paragraphs = 0, spoken = 0, audience = 0, exchange = 0;
  std::vector<Item*> units;
  for (std::size_t k = first; k <= last; ++k) {
    Item& it = *items[k];
    if (!it.paragraph || it.f.note || in_parentheses(it.text)) continue;
    ++paragraphs;
    if (it.f.polite > 0 || it.f.casual > 0 || it.f.greeting) {
      ++spoken;
      audience += to_the_audience(it, cues);
      exchange += exchanges(it);
      units.push_back(&it);
    }
  }
  std::string counts = std::to_string(spoken) + " of " + std::to_string(paragraphs) +
                       " paragraphs spoken, " + std::to_string(audience) + " to the audience, " +
                       std::to_string(exchange) + " exchanging with someone";
  if (spoken < cx.w("monologue.min_paragraphs") || spoken < cx.w("monologue.spoken_share") * paragraphs ||
      audience < cx.w("monologue.min_audience") || exchange > cx.w("monologue.max_exchange") * spoken) {
    cx.monologue_why = "no monologue: " + counts;
    return;
  }
  // Who speaks: an attendee line's one person, the name the speech gives as its own, or the one
  // person the text before the speech names.
  std::string name;
  if (auto listed = attendee_names(cx); listed.size() == 1) name = listed.front();
  if (name.empty()) name = given_at_the_opening(*units.front(), before);
  if (name.empty() && !units.front()->f.self_named.empty()) name = normalise_name(units.front()->f.self_named, cues);
  if (name.empty()) {
    std::set<std::string> found;
    for (auto& t : before)
      for (auto& raw : names_in_text(t, cues))
        if (!cues["title-name"].whole(raw)) found.insert(strip_honorific_of(raw, cues));
    std::erase_if(found, [&](const std::string& a) {
      return std::any_of(found.begin(), found.end(), [&](const std::string& b) { return b != a && b.starts_with(a); });
    });
    if (found.size() == 1) name = *found.begin();
  }
  for (Item* u : units) {
    u->part = Part::unit;
    u->person = "M:" + name;
    u->cert = "medium";
    u->why = "a paragraph of a monologue";
  }
  // Lists and quotes inside the speech go with the paragraph before them.
  for (std::size_t k = first + 1; k <= last; ++k) {
    Item& it = *items[k];
    if (it.block.kind != BlockKind::list && it.block.kind != BlockKind::quote) continue;
    if (items[k - 1]->part == Part::unit || items[k - 1]->part == Part::attached) {
      it.part = Part::attached;
      it.person = items[k - 1]->person;
    }
  }
  cx.monologue = true;
  cx.monologue_why = "monologue of " + (name.empty() ? std::string("one unnamed speaker") : name) + ": " + counts;
}

}  // namespace jatei::speakers
