// One reading of a Document for every exporter: done once, so each format stays a small
// printer and all formats agree on who speaks, what a sentence is and what a term means.
#include "export/view.hpp"
#include "tei/escape.hpp"
#include "tei/xml_input.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <sstream>

#include "jatei/utf8.hpp"

namespace jatei::xp {

// ---- text helpers -------------------------------------------------------------------------

std::vector<std::string> tokens(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    std::size_t j = i;
    while (j < s.size() && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string local_id(std::string_view pointer) {
  if (!pointer.empty() && pointer[0] == '#') pointer.remove_prefix(1);
  return std::string(pointer);
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
          // U+2028/U+2029 are valid JSON but end a line in JavaScript: escape them.
          out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
          i += 2;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
  return out;
}

// ---- XmlOut -------------------------------------------------------------------------------

XmlOut::XmlOut() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"; }

void XmlOut::indent() {
  out_.push_back('\n');
  out_.append(stack_.size() * 2, ' ');
}

void XmlOut::mark() {
  if (!stack_.empty()) stack_.back().has_content = true;
}

void XmlOut::start_tag(std::string_view name, const AttrList& attrs, bool self_close) {
  out_.push_back('<');
  out_ += name;
  for (auto& [k, v] : attrs) {
    out_.push_back(' ');
    out_ += k;
    out_ += "=\"";
    xml::escape(out_, xml::writable(v), xml::Context::attribute);
    out_.push_back('"');
  }
  out_ += self_close ? "/>" : ">";
}

void XmlOut::open(std::string_view name, const AttrList& attrs, bool inline_content) {
  mark();
  if (inline_depth_ == 0) indent();
  start_tag(name, attrs, false);
  bool in = inline_content || inline_depth_ > 0;
  stack_.push_back({std::string(name), in, false});
  if (in) ++inline_depth_;
}

void XmlOut::close() {
  Open e = stack_.back();
  stack_.pop_back();
  if (e.is_inline) {
    --inline_depth_;
  } else if (!e.has_content) {
    out_.pop_back();  // the start tag's '>': nothing inside, so an empty-element tag
    out_ += "/>";
    return;
  } else {
    indent();
  }
  out_ += "</" + e.name + ">";
}

void XmlOut::leaf(std::string_view name, std::string_view text, const AttrList& attrs) {
  open(name, attrs, true);
  this->text(text);
  close();
}

void XmlOut::empty(std::string_view name, const AttrList& attrs) {
  mark();
  if (inline_depth_ == 0) indent();
  start_tag(name, attrs, true);
}

void XmlOut::text(std::string_view s) {
  mark();
  xml::escape(out_, xml::writable(s), xml::Context::text);
}

void XmlOut::raw(std::string_view s) {
  mark();
  out_ += s;
}

void XmlOut::comment(std::string_view s) {
  mark();
  if (inline_depth_ == 0) indent();
  std::string c(s);
  for (std::size_t p; (p = c.find("--")) != std::string::npos;) c.replace(p, 2, "- -");
  out_ += "<!-- " + c + " -->";
}

std::string XmlOut::finish() {
  while (!stack_.empty()) close();
  out_ += '\n';
  return std::move(out_);  // not a copy: the output can be most of the memory an export takes
}

// ---- small helpers ---------------------------------------------------------------------------

bool is_factuality(std::string_view token) {
  return std::find(std::begin(kFactuality), std::end(kFactuality), token) != std::end(kFactuality);
}

std::string keep_advice(std::string_view f, bool spoken) {
  if (f == "speculation")
    return std::string(spoken ? "The speaker" : "The author") + " is guessing: keep the hedge (the cue) so the English is just as tentative.";
  if (f == "reported") return "Someone else's words: keep the attribution (the cue) so the English does not state it as fact.";
  if (f == "question") return "A question: keep it a question.";
  if (f == "opinion") return "An opinion: keep it the speaker's evaluation.";
  return "";
}

std::string slug(std::string_view s) {
  std::string out;
  bool dash = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    char32_t c = utf8::decode(s, i, len);
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || (c >= 'A' && c <= 'Z');
    if (c >= 0x80) {
      // Keep letters of any script, but not spaces or punctuation of the CJK block.
      word = !(c == 0x3000 || (c >= 0x3001 && c <= 0x3003) || (c >= 0xFF01 && c <= 0xFF0F) || c == 0xFEFF ||
               (c >= 0x2000 && c <= 0x206F));
    }
    if (word) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
      else out.append(s.substr(i, len));
    } else {
      dash = true;
    }
    i += len;
  }
  return out;
}

std::string today() {
  std::time_t t = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) t = static_cast<std::time_t>(std::strtoll(e, nullptr, 10));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// ---- SentenceInfo -------------------------------------------------------------------------

std::vector<const Mention*> SentenceInfo::of(std::initializer_list<std::string_view> elements) const {
  std::vector<const Mention*> out;
  for (auto& m : mentions)
    if (std::find(elements.begin(), elements.end(), m.element()) != elements.end()) out.push_back(&m);
  return out;
}

std::vector<const Mention*> SentenceInfo::cues() const {
  std::vector<const Mention*> out;
  for (auto& m : mentions) {
    if (m.element() != "seg" || m.attr("type") != "cue") continue;
    if (!out.empty() && out.back()->span->begin <= m.span->begin && m.span->end <= out.back()->span->end &&
        out.back()->span->begin != out.back()->span->end)
      continue;  // inside the previous cue
    out.push_back(&m);
  }
  return out;
}

std::vector<std::string> GlossaryEntry::translations() const {
  std::vector<std::string> out;
  auto fold = [](const std::string& t) {
    // "EU" and "ＥＵ" (full-width) too
    std::string s = AcronymNames::key(t);
    for (auto& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  };
  auto add = [&](const std::string& t) {
    // "Distillation" glossed in the text and "distillation" in the termbase are one word, as
    // are "EU" and "ＥＵ".
    if (t.empty() || std::any_of(out.begin(), out.end(), [&](const std::string& o) { return fold(o) == fold(t); })) return;
    out.push_back(t);
  };
  for (auto& e : english) add(e);
  for (auto& x : expansions) add(x.name);
  if (tb_concept)
    if (auto* l = tb_concept->lang(target_lang))
      for (auto& t : l->terms) add(t.text);
  for (auto* c : other_senses)
    if (auto* l = c->lang(target_lang))
      for (auto& t : l->terms) add(t.text);
  return out;
}

namespace {

std::string definition_of(const tbx::Concept& c, const std::string& target_lang) {
  if (!c.definition.empty()) return c.definition;
  if (auto* l = c.lang(target_lang); l && !l->definition.empty()) return l->definition;
  for (auto& l : c.langs)
    if (!l.definition.empty()) return l.definition;
  return "";
}

std::string preferred_of(const tbx::Concept& c, const std::string& target_lang) {
  auto* l = c.lang(target_lang);
  return l && !l->terms.empty() ? l->terms.front().text : c.id;
}

}  // namespace

std::string GlossaryEntry::definition() const {
  if (!tb_concept) return "";
  if (!ambiguous()) return definition_of(*tb_concept, target_lang);
  std::vector<const tbx::Concept*> all{tb_concept};
  all.insert(all.end(), other_senses.begin(), other_senses.end());
  std::string out = "Ambiguous: the termbase has " + std::to_string(all.size()) +
                    " senses of this term, and the text does not settle which one it is here: ";
  for (std::size_t k = 0; k < all.size(); ++k) {
    std::string d = definition_of(*all[k], target_lang);
    out += (k ? "; " : "") + std::string("\"") + preferred_of(*all[k], target_lang) + "\"";
    if (!all[k]->subject_field.empty()) out += " (" + all[k]->subject_field + ")";
    if (!d.empty()) out += ": " + (d.back() == '.' ? d.substr(0, d.size() - 1) : d);
  }
  return out + ".";
}



std::string GlossaryEntry::note() const {
  if (!tb_concept) return "";
  if (!tb_concept->notes.empty()) return tb_concept->notes.front();
  for (auto& l : tb_concept->langs)
    for (auto& t : l.terms)
      if (!t.notes.empty()) return t.notes.front();
  return "";
}

std::string GlossaryEntry::part_of_speech() const {
  if (!tb_concept) return "";
  if (auto* l = tb_concept->lang(target_lang); l && !l->terms.empty()) return l->terms.front().part_of_speech;
  return "";
}

// ---- acronyms -------------------------------------------------------------------------------

namespace {

// Whether the letters of an acronym are the initials of a Latin phrase's words, in order: each
// word's initial is one letter, except that a function word (of, and, the…) or the part of a
// word after a hyphen may give none (European Union / EU, Conference of the Parties / COP,
// Organisation for Economic Co-operation and Development / OECD). Only the capitals count
// (IoT, SDGs); at least two words.
bool spells(std::string_view acronym, std::string_view phrase) {
  static const std::string_view function_words[] = {"of", "and", "for", "the", "on", "in", "to", "a", "an",
                                                    "at", "by", "with", "from", "de", "du", "des", "la", "le"};
  std::string letters;
  for (char c : AcronymNames::key(acronym))
    if (c >= 'A' && c <= 'Z') letters.push_back(static_cast<char>(c | 0x20));
  struct Word {
    char initial;
    bool optional;
  };
  std::vector<Word> words;
  std::size_t whole = 0;
  for (std::size_t i = 0; i < phrase.size();) {
    auto letter = [&](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (!letter(phrase[i]) && !(phrase[i] >= '0' && phrase[i] <= '9')) {
      if (!(phrase[i] == ' ' || phrase[i] == '-' || phrase[i] == ',' || phrase[i] == '&' || phrase[i] == '\'' ||
            phrase[i] == '.'))
        return false;  // a phrase of Latin words only
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < phrase.size() && (letter(phrase[j]) || (phrase[j] >= '0' && phrase[j] <= '9') || phrase[j] == '\'')) ++j;
    std::string w(phrase.substr(i, j - i));
    for (auto& c : w) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    bool after_hyphen = i > 0 && phrase[i - 1] == '-';
    bool function = std::find(std::begin(function_words), std::end(function_words), w) != std::end(function_words);
    words.push_back({w[0], after_hyphen || function});
    if (!after_hyphen) ++whole;
    i = j;
  }
  if (whole < 2 || letters.size() < 2 || words.size() > 3 * letters.size()) return false;
  // letters[i..] against words[j..]
  std::function<bool(std::size_t, std::size_t)> match = [&](std::size_t i, std::size_t j) -> bool {
    if (j == words.size()) return i == letters.size();
    if (i < letters.size() && words[j].initial == letters[i] && match(i + 1, j + 1)) return true;
    return words[j].optional && match(i, j + 1);
  };
  return match(0, 0);
}

bool latin_phrase_char(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '-' ||
         c == '\'' || c == '&' || c == '.' || c == ',';
}

// Where the text writes the acronym's name beside it: "European Union (EU)" or "EU (European
// Union)", ASCII or full-width parentheses. The name, or "".
std::string name_beside_in(std::string_view text, std::string_view acronym) {
  auto open = [](char32_t c) { return c == '(' || c == 0xFF08; };
  auto close = [](char32_t c) { return c == ')' || c == 0xFF09; };
  for (std::size_t p = text.find(acronym); p != std::string_view::npos; p = text.find(acronym, p + 1)) {
    std::size_t e = p + acronym.size(), len = 0;
    // A whole word: no Latin letter or digit glued to either side.
    if (p > 0) {
      char32_t c = utf8::decode_before(text, p, len);
      if ((c < 0x80 && std::isalnum(static_cast<int>(c))) ) continue;
    }
    if (e < text.size()) {
      char32_t c = utf8::decode(text, e, len);
      if (c < 0x80 && std::isalnum(static_cast<int>(c))) continue;
    }
    // NAME (ACRONYM)
    if (p > 0 && e < text.size()) {
      std::size_t lb = 0, la = 0;
      char32_t before = utf8::decode_before(text, p, lb), after = utf8::decode(text, e, la);
      if (open(before) && close(after)) {
        std::size_t q = p - lb;
        while (q > 0 && text[q - 1] == ' ') --q;
        std::size_t end = q;
        while (q > 0 && static_cast<unsigned char>(text[q - 1]) < 0x80 && latin_phrase_char(static_cast<unsigned char>(text[q - 1]))) --q;
        // the shortest run of whole words before the parenthesis that spells the acronym
        std::string_view run = text.substr(q, end - q);
        for (std::size_t k = run.size(); k-- > 0;) {
          if (k != 0 && run[k - 1] != ' ') continue;
          std::string_view cand = run.substr(k);
          while (!cand.empty() && (cand.front() == ' ' || cand.front() == ',')) cand.remove_prefix(1);
          if (spells(acronym, cand)) return std::string(cand);
        }
      }
    }
    // ACRONYM (NAME)
    std::size_t q = e;
    while (q < text.size() && text[q] == ' ') ++q;
    if (q < text.size()) {
      std::size_t lo = 0;
      if (open(utf8::decode(text, q, lo))) {
        std::size_t b = q + lo, r = b;
        while (r < text.size() && static_cast<unsigned char>(text[r]) < 0x80 && latin_phrase_char(static_cast<unsigned char>(text[r])) && text[r] != ',') ++r;
        std::size_t lc = 0;
        if (r < text.size() && close(utf8::decode(text, r, lc))) {
          std::string_view cand = text.substr(b, r - b);
          while (!cand.empty() && cand.back() == ' ') cand.remove_suffix(1);
          while (!cand.empty() && cand.front() == ' ') cand.remove_prefix(1);
          if (spells(acronym, cand)) return std::string(cand);
        }
      }
    }
  }
  return "";
}

}  // namespace

const GlossaryEntry::Expansion* GlossaryEntry::expansion_of(std::string_view acronym) const {
  for (auto& x : expansions)
    if (x.acronym == acronym) return &x;
  return nullptr;
}

const GlossaryEntry::Expansion* GlossaryEntry::expansion_named(std::string_view name) const {
  for (auto& x : expansions)
    if (x.name == name) return &x;
  return nullptr;
}

std::string GlossaryEntry::source_of(const std::string& translation) const {
  if (std::find(english.begin(), english.end(), translation) != english.end()) return "gloss in the text";
  if (auto* x = expansion_named(translation)) return x->source;
  return termbase_name;
}

std::string name_beside(std::string_view text, std::string_view acronym) { return name_beside_in(text, acronym); }

// The full name of each acronym an entry is glossed with: another gloss of the same term that it
// spells (大規模言語モデル(Large Language Model、LLM)), else the name the text writes beside the
// acronym anywhere in the article (European Union (EU)), else the acronym list.
std::set<std::string> GlossaryBuilder::acronyms_to_find() const {
  std::set<std::string> out;
  for (auto& e : glossary)
    for (auto& g : e.english) {
      if (!AcronymNames::is_acronym(g)) continue;
      bool spelled = false;
      for (auto& other : e.english)
        if (&other != &g && !AcronymNames::is_acronym(other) && spells(g, other)) spelled = true;
      if (!spelled) out.insert(g);
    }
  return out;
}

void GlossaryBuilder::expand(const Beside& beside) {
  const AcronymNames& names = options_.acronyms ? *options_.acronyms : AcronymNames::builtin();
  for (auto& e : glossary) {
    for (auto& g : e.english) {
      if (!AcronymNames::is_acronym(g) || e.expansion_of(g)) continue;
      GlossaryEntry::Expansion x{g, "", ""};
      for (auto& other : e.english)
        if (&other != &g && !AcronymNames::is_acronym(other) && spells(g, other)) {
          x.name = other;
          x.source = "gloss in the text";
          break;
        }
      if (x.name.empty()) {
        auto [name, sentence] = beside(g);
        if (!name.empty()) {
          x.name = std::move(name);
          x.source = "the text (" + sentence + ")";
        }
      }
      if (x.name.empty())
        if (auto* n = names.find(g)) {
          x.name = n->name;
          std::string_view o = n->origin;
          x.source = "acronym list " + std::string(o.substr(o.find_last_of('/') == std::string_view::npos ? 0 : o.find_last_of('/') + 1));
        }
      // ＥＵ beside EU: one full name, given to the first.
      if (!x.name.empty() && !e.expansion_named(x.name)) e.expansions.push_back(std::move(x));
    }
  }
}

void View::expand_acronyms() {
  GlossaryBuilder b(options);
  b.glossary = std::move(glossary);
  b.expand([&](const std::string& g) -> std::pair<std::string, std::string> {
    for (auto& si : sentences)
      if (std::string name = name_beside(si.s->text, g); !name.empty()) return {name, si.s->id};
    return {};
  });
  glossary = std::move(b.glossary);
}

// ---- View ---------------------------------------------------------------------------------

View::View(const Document& d, const ExportOptions& o) : doc(d), options(o) {
  read_header();
  read_body();
  read_terms();
  expand_acronyms();
  read_standoff();
  read_translations();
}

const Person* View::person(std::string_view id) const {
  for (auto& p : persons)
    if (p.id == id) return &p;
  return nullptr;
}

ClaimSource claim_source(const std::vector<Person>& persons, const SentenceInfo& si,
                         const std::function<const SentenceInfo*(std::size_t)>& at) {
  ClaimSource out;
  std::string_view ptr = si.s->attrs.value("source");
  if (!ptr.starts_with('#')) return out;
  std::string id(ptr.substr(1, ptr.find(' ') == std::string_view::npos ? std::string_view::npos : ptr.find(' ') - 1));
  for (auto& p : persons)
    if (p.id == id) return {id, p.name.empty() ? id : p.name, "person"};
  // The element is in the sentence, the one that introduces it, or a post's footer after it.
  std::size_t from = si.index >= 8 ? si.index - 8 : 0;
  for (std::size_t k = from; k < si.index + 8; ++k) {
    const SentenceInfo* near = at(k);
    if (!near) break;
    for (auto& m : near->mentions)
      if (m.attr("xml:id") == id) return {id, m.text, m.element()};
  }
  return out;
}

View::ClaimSource View::claim_source(const SentenceInfo& si) const {
  return xp::claim_source(persons, si, [&](std::size_t k) { return k < sentences.size() ? &sentences[k] : nullptr; });
}

namespace {
const Person* person_in(const std::vector<Person>& persons, std::string_view id) {
  for (auto& p : persons)
    if (p.id == id) return &p;
  return nullptr;
}
}  // namespace

std::string speaker_name(const std::vector<Person>& persons, const SentenceInfo& si) {
  std::string out;
  for (auto& id : si.speakers) {
    const Person* p = person_in(persons, id);
    if (!out.empty()) out += "・";
    out += p && !p->name.empty() ? p->name : id;
  }
  return out;
}

std::string speaker_role(const std::vector<Person>& persons, const SentenceInfo& si) {
  std::string out;
  for (auto& id : si.speakers) {
    const Person* p = person_in(persons, id);
    if (!p || p->role.empty()) continue;
    if (!out.empty()) out += " ";
    out += p->role;
  }
  return out;
}

std::string View::speaker_name(const SentenceInfo& si) const { return xp::speaker_name(persons, si); }

std::string View::speaker_role(const SentenceInfo& si) const { return xp::speaker_role(persons, si); }

const SentenceInfo* View::find(std::string_view id) const {
  auto it = sentence_index.find(std::string(id));
  return it == sentence_index.end() ? nullptr : &sentences[it->second];
}

const GlossaryEntry* View::entry_of(const Span& span, std::string_view surface) const {
  std::string id = span.attrs.value("xml:id");
  if (!id.empty()) {
    auto it = term_entry.find(id);
    if (it != term_entry.end()) return &glossary[it->second];
  }
  std::string ref = span.attrs.value("ref");
  std::string key = ref.empty() ? "text:" + std::string(surface) : ref;
  for (auto& e : glossary)
    if (e.key == key) return &e;
  return nullptr;
}

SourceInfo source_info(const Document& doc) {
  SourceInfo source;
  const Header& h = doc.header;
  source.title = h.title;
  source.file = h.source_name;
  source.sha256 = h.sha256;
  source.lang = doc.root_attrs.value("xml:lang");
  if (source.lang.empty()) source.lang = "ja";
  if (h.raw_header.empty()) return source;
  pugi::xml_document hd;
  if (!hd.load_buffer(h.raw_header.data(), h.raw_header.size(), pugi::parse_default, pugi::encoding_utf8)) return source;
  pugi::xml_node fd = hd.child("teiHeader").child("fileDesc");
  pugi::xml_node bibl = fd.child("sourceDesc").child("bibl");
  if (auto ref = bibl.child("ref")) source.url = ref.attribute("target").value();
  if (auto date = bibl.child("date")) {
    source.date = date.attribute("when").value();
    if (source.date.empty()) source.date = squash_space(xml_input::text_of(date));
  }
  if (auto a = bibl.child("author")) source.author = squash_space(xml_input::text_of(a));
  if (auto p = bibl.child("publisher")) source.publisher = squash_space(xml_input::text_of(p));
  if (source.title.empty())
    if (auto t = bibl.child("title")) source.title = squash_space(xml_input::text_of(t));
  return source;
}

void View::read_header() {
  const Header& h = doc.header;
  source = source_info(doc);
  persons = h.persons;
  for (auto& r : h.responsibilities) resp_names[r.id] = r.names.empty() ? std::string() : squash_space(r.names.front());
}

SentenceInfo sentence_info(const Sentence& s, const Leaf& l, const Block& b, const Turn& t, const Division& d,
                           std::size_t index, bool first_in_turn) {
  SentenceInfo si;
  si.s = &s;
  si.leaf = &l;
  si.block = &b;
  si.turn = &t;
  si.div = &d;
  si.index = index;
  si.first_in_turn = first_in_turn;
  for (auto& tok : tokens(s.attrs.value("ana"))) {
    std::string id = local_id(tok);
    if (is_factuality(id) && si.factuality.empty()) si.factuality = id;
    if (id == "checkworthy") si.checkworthy = true;
  }
  if (t.spoken())
    for (auto& tok : tokens(t.who)) si.speakers.push_back(local_id(tok));
  std::vector<const Span*> spans;
  for (auto& sp : s.spans)
    if (sp.xml.empty()) spans.push_back(&sp);  // not a comment or processing instruction
  std::stable_sort(spans.begin(), spans.end(), [](const Span* x, const Span* y) {
    if (x->begin != y->begin) return x->begin < y->begin;
    return x->end > y->end;
  });
  for (const Span* sp : spans) {
    Mention m;
    m.span = sp;
    if (sp->end <= s.text.size() && sp->begin <= sp->end) m.text = s.text.substr(sp->begin, sp->end - sp->begin);
    si.mentions.push_back(std::move(m));
  }
  for (auto& tok : tokens(s.attrs.value("corresp"))) si.covers.push_back(local_id(tok));
  return si;
}

void View::read_body() {
  has_speakers = !persons.empty();
  for (auto& d : doc.divisions) {
    if (d.is_translation()) continue;
    for (auto& t : d.turns) {
      bool first = true;
      if (t.spoken()) has_speakers = true;
      for (auto& b : t.blocks) {
        for (auto& l : b.leaves) {
          for (auto& p : l.pieces) {
            if (p.kind != Piece::Kind::sentence) continue;
            SentenceInfo si = sentence_info(p.sentence, l, b, t, d, sentences.size(), t.spoken() && first);
            first = false;
            if (!si.factuality.empty()) has_claims = true;
            if (!p.sentence.id.empty()) sentence_index.emplace(p.sentence.id, sentences.size());
            sentences.push_back(std::move(si));
          }
        }
      }
    }
  }
  // The article's date when the header gives none: its dateline (dateline_date).
  if (source.date.empty())
    for (auto& si : sentences)
      if (source.date = dateline_date(si); !source.date.empty()) break;
  for (auto& si : sentences)
    for (auto& c : si.covers) {
      auto it = sentence_index.find(c);
      if (it != sentence_index.end() && it->second != si.index) sentences[it->second].hedged_by.push_back(si.s->id);
    }
}

std::string dateline_date(const SentenceInfo& si) {
  if (si.block->kind == BlockKind::byline) {
    for (auto& m : si.mentions)
      if (m.element() == "date" && !m.attr("when").empty()) return m.attr("when");
    return "";
  }
  if (si.block->kind != BlockKind::head) return "";
  std::string_view t = si.s->text;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.remove_suffix(1);
  for (std::string_view close : {")", "）"}) {
    if (!t.ends_with(close)) continue;
    std::string_view inner = t.substr(0, t.size() - close.size());
    for (auto& m : si.mentions) {
      std::string when = m.attr("when");
      if (m.element() != "date" || when.size() != 10 || !inner.ends_with(m.text)) continue;
      std::string_view before = inner.substr(0, inner.size() - m.text.size());
      if (before.ends_with("(") || before.ends_with("（")) return when;
    }
  }
  return "";
}

void GlossaryBuilder::add(const SentenceInfo& si) {
  for (auto& m : si.mentions) {
    if (m.element() == "gloss") {
      std::string lang = m.attr("xml:lang");
      bool target = !lang.empty() && (lang == options_.target_lang || lang.rfind(options_.target_lang + "-", 0) == 0);
      glosses_.push_back({m.attr("target"), m.text, target});
      continue;
    }
    if (m.element() != "term") continue;
    std::string ref = m.attr("ref");
    std::string key = ref.empty() ? "text:" + m.text : ref;
    auto [k, added] = by_key.emplace(key, glossary.size());
    if (added) {
      GlossaryEntry e;
      e.key = key;
      e.ref = ref;
      std::size_t hash = ref.find('#');
      e.concept_id = hash == std::string::npos ? "" : ref.substr(hash + 1);
      glossary.push_back(std::move(e));
    }
    GlossaryEntry& entry = glossary[k->second];
    if (std::find(entry.forms.begin(), entry.forms.end(), m.text) == entry.forms.end()) entry.forms.push_back(m.text);
    std::string tid = m.attr("xml:id");
    if (!tid.empty()) {
      entry.term_ids.push_back(tid);
      term_entry[tid] = k->second;
    }
    if (entry.sentence_ids.empty() || entry.sentence_ids.back() != si.s->id) entry.sentence_ids.push_back(si.s->id);
  }
}

void GlossaryBuilder::finish(const std::string& source_lang) {
  auto basename = [](std::string_view p) { return std::string(p.substr(p.find_last_of('/') == std::string_view::npos ? 0 : p.find_last_of('/') + 1)); };
  // Glosses point at their term (they may come before it: Y(X)).
  for (auto& g : glosses_) {
    for (auto& tok : tokens(g.targets)) {
      auto it = term_entry.find(local_id(tok));
      if (it == term_entry.end()) continue;
      GlossaryEntry& e = glossary[it->second];
      auto& list = g.target_lang ? e.english : e.synonyms;
      if (!g.text.empty() && std::find(list.begin(), list.end(), g.text) == list.end()) list.push_back(g.text);
    }
  }
  std::vector<Gloss>().swap(glosses_);
  // Termbase entries: by the pointer's file and id, else by id in the only termbase, else by form.
  // A ref of several pointers (an ambiguous term) is an entry of several senses: the first is
  // its tb_concept, the others its other_senses.
  for (auto& e : glossary) {
    e.target_lang = options_.target_lang;
    std::vector<std::string> pointers = tokens(e.ref);
    std::string first_ref = e.ref, joined;  // joined: the other senses' ids, "-c5"
    if (pointers.size() > 1) {
      for (std::size_t k = 1; k < pointers.size(); ++k) {
        const std::string& p = pointers[k];
        std::size_t hash = p.find('#');
        if (hash == std::string::npos) continue;
        std::string file = basename(p.substr(0, hash)), id = p.substr(hash + 1);
        const tbx::Concept* found = nullptr;
        for (auto& tbp : options_.termbases)
          if (tbp && !found && (basename(tbp->origin) == file || options_.termbases.size() == 1))
            for (auto& c : tbp->concepts)
              if (c.id == id) {
                found = &c;
                break;
              }
        if (found) e.other_senses.push_back(found);
        joined += "-" + id;
      }
      first_ref = pointers.front();
      std::size_t hash = first_ref.find('#');
      e.concept_id = hash == std::string::npos ? "" : first_ref.substr(hash + 1);
    }
    std::string file, id = e.concept_id;
    if (std::size_t hash = first_ref.find('#'); hash != std::string::npos) file = basename(first_ref.substr(0, hash));
    for (int pass = 0; pass < 3 && !e.tb_concept; ++pass) {
      for (auto& tbp : options_.termbases) {
        if (!tbp) continue;
        std::string name = basename(tbp->origin);
        if (pass == 0 && (id.empty() || name != file)) continue;
        if (pass == 1 && (id.empty() || options_.termbases.size() != 1)) continue;
        for (auto& c : tbp->concepts) {
          bool hit = false;
          if (pass < 2) {
            hit = c.id == id;
          } else if (auto* l = c.lang(source_lang)) {
            for (auto& t : l->terms)
              hit = hit || std::find(e.forms.begin(), e.forms.end(), t.text) != e.forms.end();
          }
          if (hit) {
            e.tb_concept = &c;
            e.termbase_name = name;
            break;
          }
        }
        if (e.tb_concept) break;
      }
    }
    e.concept_id += joined;  // c4-c5: the entry of both senses
  }
  // Concept ids: unique NCNames (two termbases may both have a "c12").
  std::set<std::string> used;
  std::size_t n = 0;
  for (auto& e : glossary) {
    std::string id = e.concept_id;
    bool ncname = !id.empty() && !(id[0] >= '0' && id[0] <= '9') && id[0] != '-' && id[0] != '.' &&
                  std::all_of(id.begin(), id.end(), [](char c) {
                    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                           c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
                  });
    if (!ncname) id = "term" + std::to_string(++n);
    std::string base = id;
    for (int k = 2; used.count(id); ++k) id = base + "-" + std::to_string(k);
    used.insert(id);
    e.concept_id = id;
  }
}

void View::read_terms() {
  GlossaryBuilder b(options);
  for (auto& si : sentences) b.add(si);
  b.finish(source.lang);
  glossary = std::move(b.glossary);
  term_entry = std::move(b.term_entry);
}

Verdict verdict_of(FactCheck fc, const std::map<std::string, std::string>& resp_names) {
  Verdict v;
  v.targets = std::move(fc.targets);
  v.resp = std::move(fc.resp);
  auto it = resp_names.find(v.resp);
  v.reviewer = it != resp_names.end() ? it->second : v.resp;
  v.subtype = std::move(fc.subtype);
  v.rating = fc.rating.empty() ? v.subtype : std::move(fc.rating);
  v.text = squash_space(fc.text);
  v.url = std::move(fc.url);
  v.date = std::move(fc.date);
  return v;
}

void View::read_standoff() {
  for (const FactCheck& fc : doc.standoff.fact_checks) verdicts.push_back(verdict_of(fc, resp_names));
}

void View::read_translations() {
  for (auto& d : doc.divisions) {
    if (!d.is_translation()) continue;
    std::string lang = d.attrs.value("xml:lang");
    auto& map = translations[lang];
    for (auto& t : d.turns)
      for (auto& b : t.blocks)
        for (auto& l : b.leaves)
          for (auto& p : l.pieces) {
            if (p.kind != Piece::Kind::sentence) continue;
            auto ids = tokens(p.sentence.attrs.value("corresp"));
            if (ids.empty()) continue;
            std::string& slot = map[local_id(ids.front())];
            if (!slot.empty()) slot += " ";
            slot += p.sentence.text;
          }
  }
}

}  // namespace jatei::xp

namespace jatei {
std::string json_string(std::string_view s) { return xp::json_string(s); }
}  // namespace jatei
