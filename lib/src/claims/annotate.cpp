// The claims stage: every sentence gets its category, its decisive cue, and its dates, numbers
// and names; hedges that cover earlier sentences point at them.
//
// Idempotence: the stage owns @ana's category tokens, @corresp on source sentences, <seg
// type="cue"> and the name, date and number elements it writes (recognised by carrying only
// attributes this stage writes). It removes them first and adds them again, so a second run
// gives the same bytes, and a hand-made <persName ref="…"> or another tool's <term> is kept:
// a new element that would cross one of those is not added.
#include <algorithm>
#include <ostream>
#include <set>

#include "jatei/claims.hpp"
#include "jatei/text.hpp"
#include "jatei/segment.hpp"

namespace jatei::claims {

std::vector<Taxonomy> taxonomies() {
  Taxonomy f;
  f.id = "factuality";
  f.categories = {
      {"fact", "Stated as fact: asserted without a hedge"},
      {"speculation", "Speculation: hedged, guessed or suspected"},
      {"reported", "Reported: someone else's words or what is said"},
      {"question", "A question"},
      {"opinion", "An evaluation or opinion"},
      {"other", "Other: greetings, requests, headings, captions, credits"},
  };
  Taxonomy c;
  c.id = "checking";
  c.categories = {{"checkworthy", "Asserts or reports a date, number or name a fact-checker can check"}};
  return {f, c};
}

namespace {

const std::set<std::string, std::less<>> kOwnElements = {"date", "time", "num", "measure", "persName", "orgName",
                                                         "placeName", "name", "roleName", "addName", "surname", "forename"};
const std::set<std::string, std::less<>> kOwnAttrs = {"type", "subtype", "when", "notBefore", "notAfter", "from", "to", "dur",
                                                      "value", "quantity", "unit", "atLeast", "atMost", "min", "max"};
const std::set<std::string, std::less<>> kOwnTokens = {"#fact", "#speculation", "#reported", "#question", "#opinion", "#other",
                                                       "#checkworthy"};

bool own_span(const Span& s) {
  if (s.element == "seg") return s.attrs.value("type") == "cue" && s.attrs.list().size() <= 2;
  if (!kOwnElements.count(s.element)) return false;
  for (auto& a : s.attrs.list())
    if (!kOwnAttrs.count(a.name)) return false;
  return true;
}

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '\n') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Removes what an earlier run of this stage added; returns the other @ana tokens.
std::vector<std::string> strip_own(Sentence& s) {
  std::erase_if(s.spans, own_span);
  std::vector<std::string> keep;
  if (const std::string* ana = s.attrs.get("ana"))
    for (auto& t : split(*ana))
      if (!kOwnTokens.count(t)) keep.push_back(t);
  s.attrs.erase("ana");
  s.attrs.erase("corresp");
  return keep;
}

struct Ref {
  Sentence* s;
  const Division* div;
  const Turn* turn;
  const Block* block;
  const Leaf* leaf;
  std::size_t leaf_no;  // document order of the leaf
};

bool crosses(std::size_t ab, std::size_t ae, std::size_t bb, std::size_t be) {
  return (ab < bb && bb < ae && ae < be) || (bb < ab && ab < be && be < ae);
}

// Adds spans in priority order, skipping any that would cross a kept or accepted span.
struct SpanSet {
  std::vector<Span>& spans;
  std::size_t foreign;  // spans[0..foreign) were there before this stage
  bool fits(std::size_t b, std::size_t e) const {
    if (b >= e) return false;
    for (auto& s : spans)
      if (crosses(b, e, s.begin, s.end)) return false;
    return true;
  }
  bool has(std::size_t b, std::size_t e, std::string_view element) const {
    for (auto& s : spans)
      if (s.begin == b && s.end == e && s.element == element) return true;
    return false;
  }
  bool add(std::size_t b, std::size_t e, std::string element, Attrs attrs) {
    if (!fits(b, e) || has(b, e, element)) return false;
    spans.push_back({b, e, std::move(element), std::move(attrs)});
    return true;
  }
};

std::string explain_line(const Ref& r, const Decision& d, const std::string& covered_by) {
  std::string out = r.s->id + "\t" + std::string(to_string(d.category)) + "\t" + d.rule;
  if (!covered_by.empty()) out += " (covered by the hedge in " + covered_by + ")";
  out += "\n";
  for (std::size_t k = 0; k < d.hits.size(); ++k) {
    auto& h = d.hits[k];
    bool decisive = std::find(d.decisive.begin(), d.decisive.end(), k) != d.decisive.end();
    out += "  ";
    out += decisive ? "* " : "  ";
    out += "\"" + r.s->text.substr(h.begin, h.end - h.begin) + "\" " + std::string(to_string(h.category));
    if (!h.kind.empty()) out += "/" + h.kind;
    char buf[16];
    std::snprintf(buf, sizeof buf, " %.2f", h.strength);
    out += buf;
    out += h.governs ? " governs" : " embedded";
    if (!h.note.empty()) out += " (" + h.note + ")";
    out += "\n";
  }
  return out;
}

// Whether a sentence introduces the quotation that follows it as someone's words.
bool introduces_quote(std::string_view n, const Decision& d) {
  if (d.category == Category::reported) return true;
  constexpr auto npos = std::string_view::npos;
  return n.find("以下のように") != npos || n.find("次のように") != npos || n.find("以下の通り") != npos ||
         n.find("次の通り") != npos || n.find("以下のとおり") != npos || n.find("次のとおり") != npos;
}

}  // namespace

void annotate(Document& doc, const Options& options) {
  const Lexicon& lex = options.lexicon ? *options.lexicon : Lexicon::builtin();
  const Gazetteer& gaz = options.gazetteer ? *options.gazetteer : Gazetteer::builtin();

  std::vector<Ref> refs;
  std::size_t leaf_no = 0;
  for (auto& div : doc.divisions) {
    if (div.type == "translation") continue;
    for (auto& turn : div.turns)
      for (auto& block : turn.blocks)
        for (auto& leaf : block.leaves) {
          for (auto& p : leaf.pieces)
            if (p.kind == Piece::Kind::sentence) refs.push_back({&p.sentence, &div, &turn, &block, &leaf, leaf_no});
          ++leaf_no;
        }
  }

  std::vector<std::vector<std::string>> other_tokens(refs.size());
  for (std::size_t k = 0; k < refs.size(); ++k) other_tokens[k] = strip_own(*refs[k].s);

  // Each sentence is normalised once, for every finder.
  std::vector<Normalised> norms(refs.size());
  for (std::size_t k = 0; k < refs.size(); ++k) norms[k] = normalise(refs[k].s->text);

  // Factuality.
  std::vector<Decision> decisions(refs.size());
  for (std::size_t k = 0; k < refs.size(); ++k) {
    const Ref& r = refs[k];
    SentenceContext ctx;
    ctx.block = std::string(to_string(r.block->kind));
    ctx.division = r.div->type;
    if (r.block->kind == BlockKind::quote) {
      // The sentence just before the quotation block.
      std::size_t j = k;
      while (j > 0 && refs[j - 1].block == r.block) --j;
      ctx.introduced_quote = j > 0 && introduces_quote(norms[j - 1].text, decisions[j - 1]);
    }
    decisions[k] = classify(r.s->text, norms[k], ctx, lex);
  }

  // A sentence that only hedges what came before covers the sentences it hedges.
  std::vector<std::string> covered_by(refs.size());
  for (std::size_t k = 0; k < refs.size(); ++k) {
    if (!decisions[k].retrospective) continue;
    std::vector<std::size_t> covered;
    auto coverable = [&](std::size_t j) {
      Category c = decisions[j].category;
      return (c == Category::fact || c == Category::opinion || c == Category::speculation) && !decisions[j].retrospective;
    };
    std::size_t j = k;
    while (j > 0 && refs[j - 1].leaf == refs[k].leaf && covered.size() < 3 && coverable(j - 1)) covered.push_back(--j);
    if (covered.empty() && k > 0 && refs[k - 1].leaf != refs[k].leaf && refs[k].turn->spoken() &&
        refs[k - 1].turn == refs[k].turn) {
      // First in its paragraph: the end of the speaker's previous paragraph.
      std::size_t m = k;
      const Leaf* prev_leaf = refs[k - 1].leaf;
      while (m > 0 && refs[m - 1].leaf == prev_leaf && covered.size() < 3 && coverable(m - 1)) covered.push_back(--m);
    }
    if (covered.empty()) continue;
    std::sort(covered.begin(), covered.end());
    std::string corresp;
    for (auto c : covered) {
      if (refs[c].s->id.empty()) continue;
      if (!corresp.empty()) corresp += " ";
      corresp += "#" + refs[c].s->id;
      if (decisions[c].category != Category::speculation) {
        decisions[c].category = Category::speculation;
        decisions[c].rule = "covered by a hedge that follows it";
        decisions[c].decisive.clear();
      }
      covered_by[c] = refs[k].s->id;
    }
    if (!corresp.empty()) refs[k].s->attrs.set("corresp", corresp);
  }

  // Markup, sentence by sentence (the year stated in a division dates the days after it in
  // that division, across paragraphs: 2024年… then 1月20日 in the next paragraph → 2024-01-20).
  DateContext dates;
  const Division* current_div = nullptr;
  for (std::size_t k = 0; k < refs.size(); ++k) {
    Ref& r = refs[k];
    Sentence& s = *r.s;
    const Decision& d = decisions[k];
    if (r.div != current_div) {
      dates = DateContext{};
      current_div = r.div;
    }
    SpanSet set{s.spans, s.spans.size()};
    // The decisive cues.
    for (auto idx : d.decisive) {
      const CueHit& h = d.hits[idx];
      Attrs a;
      a.set("type", "cue");
      a.set("subtype", to_string(d.category));
      set.add(h.begin, h.end, "seg", std::move(a));
    }
    // Dates, numbers, names.
    bool checkable = false;
    auto add_mentions = [&](const std::vector<Mention>& ms) {
      auto part = [](const Mention& m) { return m.element == "roleName" || m.element == "addName"; };
      for (const Mention& m : ms) {
        if (part(m)) continue;  // parts go in with their persName only
        bool ok = set.add(m.begin, m.end, m.element, m.attrs);
        checkable = checkable || ok;
        if (!ok || m.element != "persName") continue;
        for (const Mention& p : ms)
          if (part(p) && p.begin >= m.begin && p.end <= m.end) set.add(p.begin, p.end, p.element, p.attrs);
      }
    };
    auto date_mentions = find_dates(s.text, norms[k], dates);
    add_mentions(date_mentions);
    // A number inside a date (令和6年) is the date's.
    auto numbers = find_numbers(s.text, norms[k]);
    std::erase_if(numbers, [&](const Mention& m) {
      return std::any_of(date_mentions.begin(), date_mentions.end(),
                         [&](const Mention& dm) { return dm.begin <= m.begin && m.end <= dm.end; });
    });
    add_mentions(numbers);
    add_mentions(find_names(s.text, norms[k], gaz));

    std::string ana = "#" + std::string(to_string(d.category));
    if (checkable && (d.category == Category::fact || d.category == Category::reported)) ana += " #checkworthy";
    for (auto& t : other_tokens[k]) ana += " " + t;
    s.attrs.set("ana", ana);
    if (options.explain) *options.explain << explain_line(r, d, covered_by[k]);
  }

  // Header: the taxonomies (replacing an earlier run's) and the application.
  auto tax = taxonomies();
  std::erase_if(doc.header.taxonomies, [&](const Taxonomy& t) {
    return std::any_of(tax.begin(), tax.end(), [&](const Taxonomy& x) { return x.id == t.id; });
  });
  for (auto& t : tax) doc.header.taxonomies.push_back(std::move(t));
  doc.add_application(kIdent, kVersion);
}

}  // namespace jatei::claims
