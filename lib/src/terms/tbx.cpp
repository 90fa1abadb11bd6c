// TBX reader (pugixml, TBX 2019 and 2008) and TBX-Basic DCA writer (element by element, escaped
// by tei/escape.hpp as every writer of the project is).
//
// The reader walks the document once and keeps only what jatei uses (terms, their part of
// speech, type, status, context, notes, definitions, subject fields); the checks it makes are
// the ones a hand-edited termbase fails most often, each reported with its line and column.
#include "jatei/tbx.hpp"
#include "core/data_files.hpp"
#include "tei/escape.hpp"
#include "tei/xml_input.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <tuple>
#include <set>

#include "jatei/error.hpp"

namespace jatei::tbx {
namespace {

std::string_view local_name(const pugi::xml_node& n) {
  std::string_view name = n.name();
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool has_prefix(const pugi::xml_node& n) { return std::string_view(n.name()).find(':') != std::string_view::npos; }

// Text content of an element, inline markup (<hi>, <foreign>, <ph>) flattened, whitespace runs
// collapsed (TBX files are often pretty-printed inside their notes).
std::string flat_text(const pugi::xml_node& n) {
  std::string raw;
  auto collect = [&](auto& self, const pugi::xml_node& x) -> void {
    for (auto c : x.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) raw += c.value();
      else if (c.type() == pugi::node_element) self(self, c);
    }
  };
  collect(collect, n);
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

struct LineIndex {
  explicit LineIndex(std::string_view text) {
    starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts.push_back(i + 1);
  }
  std::pair<std::size_t, std::size_t> at(std::size_t offset) const {
    auto it = std::upper_bound(starts.begin(), starts.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - starts.begin());
    return {line, offset - starts[line - 1] + 1};
  }
  std::vector<std::size_t> starts;
};

const std::vector<std::string_view>& picklist(std::string_view type) {
  static const std::vector<std::string_view> pos{"adjective", "noun", "other", "verb", "adverb"};
  static const std::vector<std::string_view> tt{"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"};
  static const std::vector<std::string_view> st{"admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
                                               "supersededTerm-admn-sts", "preferredTerm-admn-sts"};
  static const std::vector<std::string_view> none;
  if (type == "partOfSpeech") return pos;
  if (type == "termType") return tt;
  if (type == "administrativeStatus") return st;
  return none;
}

std::string join(const std::vector<std::string_view>& v) {
  std::string out;
  for (auto& s : v) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

class Reader {
 public:
  Reader(std::string_view xml, const std::string& origin) : xml_(xml), origin_(origin), lines_(xml) {}

  Termbase run() {
    // One gate for every reader of outside XML: characters, entities, DTD, one root, depth.
    xml_input::parse(xml_, pugi::parse_default, buffer_, dom_);
    pugi::xml_node root = dom_.document_element();
    Termbase tb;
    tb.origin = origin_;
    std::string_view rn = root ? local_name(root) : std::string_view();
    std::string_view ns = root ? xml_input::root_namespace(root) : std::string_view();
    if (rn == "tbx") {
      tb.version = 2019;
      if (ns != kNamespace) fail(root, std::string("<tbx> is not in the TBX 2019 namespace ") + kNamespace);
    } else if (rn == "martif") {
      tb.version = 2008;
      if (!ns.empty())  // TBX 2008 has no namespace: <martif> in one is some other vocabulary
        fail(root, "<martif> is in the namespace " + std::string(ns) + ", but TBX 2008 has none");
    } else {
      fail(root, "not a TBX termbase: the root element is <" + std::string(root ? root.name() : "") +
                     ">, expected <tbx> (TBX 2019) or <martif> (TBX 2008)");
    }
    tb.dialect = root.attribute("type").value();
    basic_ = tb.dialect == "TBX-Basic";
    if (auto l = root.attribute("xml:lang")) tb.lang = l.value();
    pugi::xml_node header = child(root, tb.version == 2019 ? "tbxHeader" : "martifHeader");
    if (header) {
      pugi::xml_node fd = child(header, "fileDesc");
      tb.title = flat_text(child(child(fd, "titleStmt"), "title"));
      tb.description = flat_text(child(child(fd, "sourceDesc"), "p"));
    }
    pugi::xml_node text = child(root, "text");
    if (!text) fail(root, "missing <text>");
    pugi::xml_node body = child(text, "body");
    // TBX 2019 allows a <text> without a body (an empty termbase, as tbx::write makes one);
    // TBX 2008 does not, but such a file says the same.
    std::string_view entry_name = tb.version == 2019 ? "conceptEntry" : "termEntry";
    for (auto e : body.children()) {
      if (e.type() != pugi::node_element) continue;
      if (local_name(e) != entry_name)
        fail(e, "unexpected <" + std::string(e.name()) + "> in <body> (expected <" + std::string(entry_name) + ">)");
      tb.concepts.push_back(read_entry(e, tb.version));
    }
    return tb;
  }

 private:
  [[noreturn]] void fail(const pugi::xml_node& n, const std::string& msg) const {
    std::size_t l = 0, c = 0;
    if (n && n.offset_debug() >= 0) std::tie(l, c) = lines_.at(static_cast<std::size_t>(n.offset_debug()));
    throw DataError(msg, l, c);
  }
  std::size_t line_of(const pugi::xml_node& n) const {
    return n && n.offset_debug() >= 0 ? lines_.at(static_cast<std::size_t>(n.offset_debug())).first : 0;
  }

  static pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
    for (auto c : n.children())
      if (c.type() == pugi::node_element && local_name(c) == name) return c;
    return {};
  }

  // (kind, data category) of an element: <termNote type="x"> -> ("termNote", "x");
  // a DCT element <basic:partOfSpeech> -> ("dct", "partOfSpeech").
  static std::pair<std::string, std::string> category(const pugi::xml_node& n) {
    std::string_view ln = local_name(n);
    if (has_prefix(n) && ln != "lang") return {"dct", std::string(ln)};
    return {std::string(ln), n.attribute("type").value()};
  }

  void check_value(const pugi::xml_node& n, std::string_view type, std::string& value) {
    auto& allowed = picklist(type);
    if (allowed.empty() || value.empty()) return;
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
    // Case variants ("Noun") and TBX 2008's properNoun are accepted and normalised.
    for (auto& a : allowed) {
      if (value.size() == a.size() &&
          std::equal(value.begin(), value.end(), a.begin(), [](char x, char y) { return std::tolower(x) == std::tolower(y); })) {
        value = std::string(a);
        return;
      }
    }
    if (type == "partOfSpeech" && value == "properNoun") {
      value = "noun";
      return;
    }
    if (basic_)
      fail(n, "TBX-Basic does not allow " + std::string(type) + " \"" + value + "\" (allowed: " + join(allowed) + ")");
  }

  void level_check(const pugi::xml_node& n, const std::string& type, std::string_view level) {
    if (!basic_) return;
    auto bad = [&](const char* allowed) {
      fail(n, "TBX-Basic allows " + type + " only at the " + allowed + " level, not in <" + std::string(level) + ">");
    };
    if (type == "subjectField" && level != "entry") bad("conceptEntry");
    if (type == "definition" && level == "term") bad("conceptEntry or langSec");
    if (type == "context" && level != "term") bad("termSec");
  }

  // Reads the data categories of one level (entry, lang, term) into the given fields.
  template <typename Sink>
  void read_aux(const pugi::xml_node& n, std::string_view level, Sink&& sink) {
    auto [kind, type] = category(n);
    if (kind == "descripGrp" || kind == "adminGrp" || kind == "termNoteGrp") {
      for (auto c : n.children())
        if (c.type() == pugi::node_element) read_aux(c, level, sink);
      return;
    }
    if (kind == "transacGrp" || kind == "transac" || kind == "transacNote" || kind == "date" ||
        kind == "xref" || kind == "ref" || kind == "descripNote" || kind == "adminNote")
      return;
    if ((kind == "descrip" || kind == "termNote" || kind == "admin") && type.empty())
      fail(n, "<" + std::string(n.name()) + "> without a type attribute");
    if (kind == "descrip" || (kind == "dct" && (type == "definition" || type == "context" || type == "subjectField")))
      level_check(n, type, level);
    if (kind == "termNote" && level != "term" && basic_)
      fail(n, "a <termNote> belongs in a <termSec>, not in <" + std::string(level == "entry" ? "conceptEntry" : "langSec") + ">");
    std::string value = flat_text(n);
    if (kind == "termNote" || kind == "dct") check_value(n, type, value);
    sink(kind, type, value);
  }

  Term read_term_group(const pugi::xml_node& tsec, std::string_view sec_name) {
    Term t;
    t.line = line_of(tsec);
    int terms = 0;
    auto take = [&](const std::string& kind, const std::string& type, const std::string& value) {
      if (kind == "note") t.notes.push_back(value);
      else if (type == "partOfSpeech") t.part_of_speech = value;
      else if (type == "termType") t.term_type = value;
      else if (type == "administrativeStatus") t.status = value;
      else if (type == "context") t.context = value;
      else if (type == "source") t.source = value;
    };
    auto visit = [&](auto& self, const pugi::xml_node& parent) -> void {
      bool seen_other = false;
      for (auto c : parent.children()) {
        if (c.type() != pugi::node_element) continue;
        std::string_view ln = local_name(c);
        if (ln == "term" && !has_prefix(c)) {
          if (seen_other && sec_name == "termSec") fail(c, "<term> must come first in its <termSec>");
          if (++terms > 1) fail(c, "more than one <term> in one <" + std::string(sec_name) + ">");
          t.text = flat_text(c);
          t.line = line_of(c);
          if (t.text.empty()) fail(c, "empty <term>");
          continue;
        }
        seen_other = true;
        if (ln == "termGrp") {
          self(self, c);
          continue;
        }
        read_aux(c, "term", take);
      }
    };
    visit(visit, tsec);
    if (terms == 0) fail(tsec, "<" + std::string(sec_name) + "> without a <term>");
    return t;
  }

  Concept read_entry(const pugi::xml_node& e, int version) {
    Concept c;
    c.line = line_of(e);
    c.id = e.attribute("id").value();
    if (c.id.empty()) {
      if (version == 2019) fail(e, "<conceptEntry> without an id attribute");
      c.id = "e" + std::to_string(c.line);
    }
    if (!ids_.insert(c.id).second) fail(e, "duplicate entry id \"" + c.id + "\"");
    std::string_view lang_name = version == 2019 ? "langSec" : "langSet";
    for (auto n : e.children()) {
      if (n.type() != pugi::node_element) continue;
      if (local_name(n) == lang_name) {
        c.langs.push_back(read_lang(n, version));
        continue;
      }
      read_aux(n, "entry", [&](const std::string& kind, const std::string& type, const std::string& value) {
        if (kind == "note") c.notes.push_back(value);
        else if (type == "subjectField") c.subject_field = value;
        else if (type == "definition") c.definition = value;
        else if (type == "source") c.source = value;
      });
    }
    if (c.langs.empty()) fail(e, "entry \"" + c.id + "\" has no <" + std::string(lang_name) + ">");
    return c;
  }

  LangSection read_lang(const pugi::xml_node& n, int version) {
    LangSection ls;
    ls.lang = n.attribute("xml:lang").value();
    if (ls.lang.empty()) fail(n, "<" + std::string(n.name()) + "> without xml:lang");
    for (auto t : n.children()) {
      if (t.type() != pugi::node_element) continue;
      std::string_view ln = local_name(t);
      if ((version == 2019 && ln == "termSec") || (version == 2008 && (ln == "tig" || ln == "ntig"))) {
        ls.terms.push_back(read_term_group(t, ln));
        continue;
      }
      read_aux(t, "lang", [&](const std::string&, const std::string& type, const std::string& value) {
        if (type == "definition") ls.definition = value;
      });
    }
    if (ls.terms.empty()) fail(n, "language section \"" + ls.lang + "\" has no term");
    return ls;
  }

  std::string_view xml_;
  std::string origin_;
  LineIndex lines_;
  std::vector<char> buffer_;
  pugi::xml_document dom_;
  std::set<std::string> ids_;
  bool basic_ = false;
};

// The TBX file written element by element, two spaces of indent a level, an element that holds
// text on one line (<term>…</term>), one that holds nothing as <text />; text and attribute
// values escaped by the project's one escaper (tei/escape.hpp).
class Writer {
 public:
  // <name a="v" …> on its own line; what follows is one level in, until close(name).
  void open(std::string_view name, std::initializer_list<std::pair<std::string_view, std::string_view>> attrs = {}) {
    start(name, attrs);
    out_ += ">\n";
    ++depth_;
  }
  void close(std::string_view name) {
    --depth_;
    indent();
    out_ += "</";
    out_ += name;
    out_ += ">\n";
  }
  // <name a="v" … /> with nothing in it.
  void empty(std::string_view name, std::initializer_list<std::pair<std::string_view, std::string_view>> attrs = {}) {
    start(name, attrs);
    out_ += " />\n";
  }
  // <name>text</name>, with type="…" when a type is given.
  void text(std::string_view name, std::string_view text, std::string_view type = {}) {
    if (type.empty()) start(name, {});
    else start(name, {{"type", type}});
    out_ += '>';
    xml::escape(out_, text, xml::Context::text);
    out_ += "</";
    out_ += name;
    out_ += ">\n";
  }
  // A typed element (<descrip type="definition">), left out when its text is empty.
  void typed(std::string_view name, std::string_view type, std::string_view text) {
    if (!text.empty()) this->text(name, text, type);
  }
  std::string& out() { return out_; }

 private:
  void indent() { out_.append(2 * depth_, ' '); }
  void start(std::string_view name, std::initializer_list<std::pair<std::string_view, std::string_view>> attrs) {
    indent();
    out_ += '<';
    out_ += name;
    for (auto& [key, value] : attrs) {
      out_ += ' ';
      out_ += key;
      out_ += "=\"";
      xml::escape(out_, value, xml::Context::attribute);
      out_ += '"';
    }
  }

  std::string out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  std::size_t depth_ = 0;
};

// One term's section: the term, its notes of the TBX-Basic picklists, its context and source.
void write_term(Writer& w, const Term& t) {
  w.open("termSec");
  w.text("term", t.text);
  // The file says TBX-Basic, whose reader (ours too) refuses a value outside its
  // picklists: such a value (read from a termbase of another dialect) goes into a note.
  std::vector<std::string> outside;
  for (auto [type, value] : {std::pair<const char*, const std::string*>{"partOfSpeech", &t.part_of_speech},
                             {"termType", &t.term_type},
                             {"administrativeStatus", &t.status}}) {
    if (value->empty() || basic_picklist_allows(type, *value)) w.typed("termNote", type, *value);
    else outside.push_back(std::string(type) + ": " + *value);
  }
  w.typed("descrip", "context", t.context);
  w.typed("admin", "source", t.source);
  for (auto& n : t.notes) w.text("note", n);
  for (auto& n : outside) w.text("note", n);
  w.close("termSec");
}

// One concept: its descriptions and notes, then a language section for each language with terms
// (an entry with none of these is written empty).
void write_concept(Writer& w, const Concept& c) {
  bool terms = std::any_of(c.langs.begin(), c.langs.end(), [](const LangSection& ls) { return !ls.terms.empty(); });
  if (!terms && c.subject_field.empty() && c.definition.empty() && c.source.empty() && c.notes.empty()) {
    w.empty("conceptEntry", {{"id", c.id}});
    return;
  }
  w.open("conceptEntry", {{"id", c.id}});
  w.typed("descrip", "subjectField", c.subject_field);
  w.typed("descrip", "definition", c.definition);
  w.typed("admin", "source", c.source);
  for (auto& n : c.notes) w.text("note", n);
  for (auto& ls : c.langs) {
    if (ls.terms.empty()) continue;
    w.open("langSec", {{"xml:lang", ls.lang}});
    w.typed("descrip", "definition", ls.definition);
    for (auto& t : ls.terms) write_term(w, t);
    w.close("langSec");
  }
  w.close("conceptEntry");
}

bool primary_equal(std::string_view a, std::string_view b) {
  auto primary = [](std::string_view s) { return s.substr(0, s.find_first_of("-_")); };
  std::string_view x = primary(a), y = primary(b);
  return x.size() == y.size() &&
         std::equal(x.begin(), x.end(), y.begin(), [](char p, char q) { return std::tolower(p) == std::tolower(q); });
}

}  // namespace

const LangSection* Concept::lang(std::string_view code) const {
  for (auto& l : langs)
    if (l.lang == code) return &l;
  for (auto& l : langs)
    if (primary_equal(l.lang, code)) return &l;
  return nullptr;
}

LangSection* Concept::lang(std::string_view code) {
  return const_cast<LangSection*>(static_cast<const Concept*>(this)->lang(code));
}

LangSection& Concept::lang_add(std::string_view code) {
  if (LangSection* l = lang(code)) return *l;
  langs.push_back({std::string(code), {}, {}});
  return langs.back();
}

bool basic_picklist_allows(std::string_view type, std::string_view value) {
  auto& allowed = picklist(type);
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

Termbase read(std::string_view xml, const std::string& origin) { return Reader(xml, origin).run(); }

Termbase read_file(const std::string& path) { return read(data::read_file(path, "termbase"), path); }

std::string write(const Termbase& tb) {
  Writer w;
  w.open("tbx", {{"type", "TBX-Basic"}, {"style", "dca"}, {"xml:lang", tb.lang.empty() ? "en" : tb.lang}, {"xmlns", kNamespace}});
  w.open("tbxHeader");
  w.open("fileDesc");
  if (!tb.title.empty()) {
    w.open("titleStmt");
    w.text("title", tb.title);
    w.close("titleStmt");
  }
  w.open("sourceDesc");
  w.text("p", tb.description.empty() ? "Termbase written by jatei." : tb.description);
  w.close("sourceDesc");
  w.close("fileDesc");
  w.close("tbxHeader");
  // TBX wants at least one conceptEntry in a <body>, but <text> may have no body: an empty
  // termbase (jatei-terms --candidates with no pairs) is a <text/>.
  if (tb.concepts.empty()) {
    w.empty("text");
  } else {
    w.open("text");
    w.open("body");
    for (auto& c : tb.concepts) write_concept(w, c);
    w.close("body");
    w.close("text");
  }
  w.close("tbx");
  return std::move(w.out());
}

}  // namespace jatei::tbx
