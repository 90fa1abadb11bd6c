// TEI reader (pugixml DOM) and writer.
//
// The header is small and structured, so it is built and printed with pugixml. The body can
// be large (a 50 MB corpus) and its whitespace is the source's text, so it is streamed into a
// string directly: no DOM, about one output-sized allocation.
#include "jatei/tei.hpp"
#include "tei/escape.hpp"
#include "tei/read_tree.hpp"
#include "tei/skeleton.hpp"
#include "tei/standoff.hpp"
#include "tei/xml_input.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <initializer_list>
#include <unordered_set>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "jatei/error.hpp"

// N_("…"): a message template the tools translate whole (po/ja.po; xgettext --keyword=N_).
#define N_(english) english

namespace jatei::tei {
namespace {

// ------------------------------------------------------------------------------------------
// Writing
// ------------------------------------------------------------------------------------------

void escape_text(std::string& out, std::string_view s) { xml::escape(out, s, xml::Context::text); }
void escape_attr(std::string& out, std::string_view s) { xml::escape(out, s, xml::Context::attribute); }

void open_tag(std::string& out, std::string_view name, const std::string& id, const Attrs& attrs,
              bool empty = false) {
  out.push_back('<');
  out += name;
  if (!id.empty()) {
    out += " xml:id=\"";
    escape_attr(out, id);
    out.push_back('"');
  }
  for (auto& a : attrs.list()) {
    out.push_back(' ');
    out += a.name;
    out += "=\"";
    escape_attr(out, a.value);
    out.push_back('"');
  }
  out += empty ? "/>" : ">";
}

void close_tag(std::string& out, std::string_view name) {
  out += "</";
  out += name;
  out.push_back('>');
}

void write_sentence(std::string& out, const Sentence& s) {
  open_tag(out, "s", s.id, s.attrs);
  if (s.spans.empty()) {
    escape_text(out, s.text);
  } else {
    std::vector<const Span*> spans;
    for (auto& sp : s.spans) spans.push_back(&sp);
    // Spans as read are in document order, which is already an order they can be written in;
    // sorted (outer before inner) only when a stage added some. Document order differs from
    // the sorted one only where an empty element or a comment comes before an element that
    // starts at the same place: kept where the source had it.
    auto writable = [](const Span* a, const Span* b) {
      return a->begin < b->begin || (a->begin == b->begin && (a->end >= b->end || a->begin == a->end));
    };
    bool in_order = true;
    for (std::size_t k = 1; k < spans.size() && in_order; ++k) in_order = writable(spans[k - 1], spans[k]);
    if (!in_order)
      std::stable_sort(spans.begin(), spans.end(), [](const Span* a, const Span* b) {
        if (a->begin != b->begin) return a->begin < b->begin;
        return a->end > b->end;
      });
    std::vector<const Span*> stack;
    std::size_t pos = 0;
    auto text_to = [&](std::size_t end) {
      if (end > pos) {
        escape_text(out, std::string_view(s.text).substr(pos, end - pos));
        pos = end;
      }
    };
    auto contains = [](const Span* outer, const Span* inner) {
      if (outer->begin == outer->end) return false;
      if (!(outer->begin <= inner->begin && inner->end <= outer->end)) return false;
      // An empty element at the very end of another is written after it.
      return !(inner->begin == inner->end && inner->begin == outer->end);
    };
    for (const Span* sp : spans) {
      if (sp->end < sp->begin || sp->end > s.text.size())
        throw std::logic_error("span out of range in sentence " + s.id);
      while (!stack.empty() && !contains(stack.back(), sp)) {
        text_to(stack.back()->end);
        close_tag(out, stack.back()->element);
        stack.pop_back();
      }
      if (sp->begin < pos) throw std::logic_error("crossing inline elements in sentence " + s.id);
      text_to(sp->begin);
      if (!sp->xml.empty()) {  // a comment or processing instruction, as it was
        out += sp->xml;
        continue;
      }
      open_tag(out, sp->element, "", sp->attrs, sp->begin == sp->end);
      if (sp->begin != sp->end) stack.push_back(sp);
    }
    while (!stack.empty()) {
      text_to(stack.back()->end);
      close_tag(out, stack.back()->element);
      stack.pop_back();
    }
    text_to(s.text.size());
  }
  close_tag(out, "s");
}

void write_leaf_content(std::string& out, const Leaf& leaf) {
  for (auto& p : leaf.pieces) {
    switch (p.kind) {
      case Piece::Kind::sentence: write_sentence(out, p.sentence); break;
      case Piece::Kind::text: escape_text(out, p.text); break;
      case Piece::Kind::opaque: out += p.text; break;
    }
  }
}

void write_leaf(std::string& out, const Leaf& leaf, bool lead_written) {
  if (!lead_written) escape_text(out, leaf.lead);
  open_tag(out, leaf.element, leaf.id, leaf.attrs);
  write_leaf_content(out, leaf);
  close_tag(out, leaf.element);
}

std::string_view container_name(BlockKind k) {
  switch (k) {
    case BlockKind::list: return "list";
    case BlockKind::quote: return "quote";
    case BlockKind::figure: return "figure";
    default: return "";
  }
}

// Writes a block; `lead_written` when its first lead already went out before an enclosing tag.
void write_block(std::string& out, const Block& b, bool lead_written) {
  if (b.kind == BlockKind::opaque) {
    if (!lead_written) escape_text(out, b.lead);
    out += b.xml;
    return;
  }
  std::string_view container = container_name(b.kind);
  if (container.empty()) {
    for (auto& l : b.leaves) {
      write_leaf(out, l, lead_written);
      lead_written = false;
    }
    return;
  }
  if (!lead_written && !b.leaves.empty()) escape_text(out, b.leaves.front().lead);
  open_tag(out, container, b.id, b.attrs);
  bool first = true;
  for (auto& l : b.leaves) {
    write_leaf(out, l, first);
    first = false;
  }
  close_tag(out, container);
}

const std::string& first_lead(const Block& b) {
  static const std::string none;
  if (b.kind == BlockKind::opaque) return b.lead;
  return b.leaves.empty() ? none : b.leaves.front().lead;
}

// Who speaks a turn the source gives no label for, as the editor supplies it for readers and
// renderers: the participants' names (else their roles) from particDesc, joined with "・".
// Empty when no participant of @who has either.
std::string supplied_speaker(const Turn& t, const std::vector<Person>* persons) {
  if (!persons || t.speaker) return {};
  std::string out;
  std::size_t b = 0;
  while (b < t.who.size()) {
    std::size_t e = t.who.find(' ', b);
    if (e == std::string::npos) e = t.who.size();
    std::string_view tok(t.who.data() + b, e - b);
    b = e + 1;
    if (tok.empty()) continue;
    if (tok.front() == '#') tok.remove_prefix(1);
    for (auto& p : *persons) {
      if (p.id != tok) continue;
      const std::string& name = !p.name.empty() ? p.name : p.role;
      if (!name.empty()) out += (out.empty() ? "" : "\u30FB") + name;
      break;
    }
  }
  return out;
}

// Hands what `out` holds to a sink once it reaches `chunk` bytes (write() to a sink); a no-op
// for write() to one string.
struct Chunks {
  const std::function<void(std::string_view)>* sink = nullptr;
  std::size_t chunk = 0;
  void operator()(std::string& out) const {
    if (!sink || out.size() < chunk) return;
    (*sink)(out);
    out.clear();
  }
};

void write_turn(std::string& out, const Turn& t, bool lead_written, const std::vector<Person>* persons,
                const Chunks& chunks) {
  if (!t.spoken()) {
    for (auto& b : t.blocks) {
      write_block(out, b, lead_written);
      lead_written = false;
      chunks(out);
    }
    return;
  }
  if (!lead_written && !t.blocks.empty()) escape_text(out, first_lead(t.blocks.front()));
  Attrs attrs;
  attrs.set("who", t.who);
  if (!t.cert.empty()) attrs.set("cert", t.cert);
  for (auto& a : t.attrs.list()) attrs.set(a.name, a.value);
  open_tag(out, "sp", t.id, attrs);
  if (t.speaker) {
    out += "<speaker>";
    escape_text(out, *t.speaker);
    out += "</speaker>";
  } else if (std::string name = supplied_speaker(t, persons); !name.empty()) {
    // Not the source's: <supplied> marks it as the editor's, and Document::text() (jatei-text)
    // leaves it out; the reader drops it, since it is made again from particDesc.
    out += "<speaker><supplied reason=\"inferred\">";
    escape_text(out, name);
    out += "</supplied></speaker>";
  }
  bool first = true;
  for (auto& b : t.blocks) {
    write_block(out, b, first);
    first = false;
    chunks(out);
  }
  close_tag(out, "sp");
}

// About the size of the serialized document, a little over rather than under: reserving it
// spares a 100 MB output its copies (and their memory) while it grows. Capacity never written
// costs no memory.
std::size_t size_hint(const Document& doc) {
  auto attrs_size = [](const Attrs& a) {
    std::size_t n = 0;
    for (auto& x : a.list()) n += x.name.size() + x.value.size() + 4;
    return n;
  };
  std::size_t n = 8192 + doc.tail.size() + doc.standoff.raw.size() + doc.header.raw_header.size() + doc.front.size() +
                  doc.back.size() + doc.before_text.size() + doc.after_text.size();
  for (auto& d : doc.divisions) {
    n += 64 + attrs_size(d.attrs);
    for (auto& t : d.turns) {
      n += 96 + attrs_size(t.attrs) + (t.speaker ? t.speaker->size() : 0);
      for (auto& b : t.blocks) {
        n += 64 + attrs_size(b.attrs) + b.xml.size() + b.lead.size();
        for (auto& l : b.leaves) {
          n += 64 + attrs_size(l.attrs) + l.lead.size();
          for (auto& p : l.pieces) {
            n += 32 + p.text.size() + p.sentence.text.size() + attrs_size(p.sentence.attrs);
            for (auto& sp : p.sentence.spans) n += 2 * sp.element.size() + 8 + attrs_size(sp.attrs) + sp.xml.size();
          }
        }
      }
    }
  }
  return n + n / 32;  // escapes (&amp; &lt;) are rare
}

void open_div(std::string& out, const Division& d, const std::string* lead) {
  if (lead) escape_text(out, *lead);
  Attrs attrs;
  attrs.set("type", d.type);
  for (auto& a : d.attrs.list()) attrs.set(a.name, a.value);
  open_tag(out, "div", d.id, attrs);
}

void write_division(std::string& out, const Division& d, const std::vector<Person>* persons, const Chunks& chunks) {
  const std::string* lead = nullptr;
  for (auto& t : d.turns) {
    if (!t.blocks.empty()) {
      lead = &first_lead(t.blocks.front());
      break;
    }
  }
  open_div(out, d, lead);
  bool first = true;
  for (auto& t : d.turns) {
    if (t.blocks.empty()) continue;
    write_turn(out, t, first && lead, persons, chunks);
    first = false;
  }
  close_tag(out, "div");
}

void write_body(std::string& out, const Document& doc, const Chunks& chunks = {}) {
  for (auto& d : doc.divisions) write_division(out, d, &doc.header.persons, chunks);
}

pugi::xml_node child_or_add(pugi::xml_node parent, const char* name, pugi::xml_node before = {}) {
  pugi::xml_node n = parent.child(name);
  if (n) return n;
  return before ? parent.insert_child_before(name, before) : parent.append_child(name);
}

void set_text(pugi::xml_node n, const std::string& text) {
  while (n.first_child()) n.remove_child(n.first_child());
  n.append_child(pugi::node_pcdata).set_value(text.c_str());
}

void build_header(pugi::xml_node header, const Header& h, bool fresh) {
  pugi::xml_node file_desc = child_or_add(header, "fileDesc", header.first_child());
  if (fresh) {
    set_text(child_or_add(child_or_add(file_desc, "titleStmt"), "title"), h.title);
    set_text(child_or_add(child_or_add(file_desc, "publicationStmt"), "p"),
             "Annotated with jatei from the source named below; not a publication.");
    pugi::xml_node bibl = child_or_add(child_or_add(file_desc, "sourceDesc"), "bibl");
    auto idno = bibl.append_child("idno");
    idno.append_attribute("type") = "filename";
    idno.text() = h.source_name.c_str();
    if (!h.sha256.empty()) {
      auto sha = bibl.append_child("idno");
      sha.append_attribute("type") = "sha256";
      sha.text() = h.sha256.c_str();
    }
    if (!h.encoding.empty()) {
      auto enc = bibl.append_child("note");
      enc.append_attribute("type") = "encoding";
      enc.text() = h.encoding.c_str();
    }
    if (h.bom) {
      auto bom = bibl.append_child("note");
      bom.append_attribute("type") = "byteOrderMark";
      bom.text() = "present";
    }
    if (!h.line_ends.empty()) {
      auto le = bibl.append_child("note");
      le.append_attribute("type") = "lineEnds";
      le.text() = h.line_ends.c_str();
    }
    if (!h.decoding_note.empty()) {
      auto dn = bibl.append_child("note");
      dn.append_attribute("type") = "decoding";
      dn.text() = h.decoding_note.c_str();
    }
  } else {
    pugi::xml_node title = file_desc.child("titleStmt").child("title");
    if (title && !h.title.empty() && title.text().get() != h.title) set_text(title, h.title);
  }
  if (!h.responsibilities.empty()) {
    pugi::xml_node title_stmt = child_or_add(file_desc, "titleStmt", file_desc.first_child());
    for (auto& r : h.responsibilities) {
      if (r.id.empty() || title_stmt.find_child_by_attribute("respStmt", "xml:id", r.id.c_str())) continue;
      pugi::xml_node after;  // after the title and the respStmts already there
      for (auto c : title_stmt.children())
        if (c.type() == pugi::node_element && (std::string_view(c.name()) == "title" || std::string_view(c.name()) == "respStmt"))
          after = c;
      pugi::xml_node rs = after ? title_stmt.insert_child_after("respStmt", after) : title_stmt.append_child("respStmt");
      rs.append_attribute("xml:id") = r.id.c_str();
      rs.append_child("resp").text() = r.resp.c_str();
      for (auto& name : r.names) rs.append_child("persName").text() = name.c_str();
    }
  }
  pugi::xml_node enc_desc = header.child("encodingDesc");
  if (!enc_desc) enc_desc = header.insert_child_after("encodingDesc", file_desc);
  pugi::xml_node app_info = enc_desc.child("appInfo");
  if (!app_info) app_info = enc_desc.prepend_child("appInfo");
  for (auto& app : h.applications) {
    if (app.ident.empty()) continue;  // an application is found again by its ident: none, nothing written
    pugi::xml_node node = app_info.find_child_by_attribute("application", "ident", app.ident.c_str());
    if (!node) {
      node = app_info.append_child("application");
      node.append_attribute("ident") = app.ident.c_str();
      node.append_attribute("version") = app.version.c_str();
      node.append_child("label").text() = app.ident.c_str();
    } else {
      if (!node.attribute("version")) node.append_attribute("version");
      node.attribute("version") = app.version.c_str();
    }
    if (!app.description.empty() || !app.pointers.empty()) {
      while (pugi::xml_node d = node.child("desc")) node.remove_child(d);
      while (pugi::xml_node p = node.child("ptr")) node.remove_child(p);
      if (!app.description.empty()) node.append_child("desc").text() = app.description.c_str();
      for (auto& target : app.pointers) node.append_child("ptr").append_attribute("target") = target.c_str();
    }
  }
  if (!h.notes.empty() || file_desc.child("notesStmt")) {
    pugi::xml_node notes = file_desc.child("notesStmt");
    if (!notes) {
      pugi::xml_node after = file_desc.child("publicationStmt");
      notes = after ? file_desc.insert_child_after("notesStmt", after) : file_desc.append_child("notesStmt");
    }
    while (notes.first_child()) notes.remove_child(notes.first_child());
    for (auto& n : h.notes) {
      pugi::xml_node note = notes.append_child("note");
      note.append_attribute("type") = n.type.c_str();
      note.text() = n.text.c_str();
    }
    if (!notes.first_child()) file_desc.remove_child(notes);
  }
  for (auto& tax : h.taxonomies) {
    pugi::xml_node class_decl = enc_desc.child("classDecl");
    if (!class_decl) class_decl = enc_desc.insert_child_after("classDecl", app_info);
    pugi::xml_node node = class_decl.find_child_by_attribute("taxonomy", "xml:id", tax.id.c_str());
    if (node) class_decl.remove_child(node);
    node = class_decl.append_child("taxonomy");
    node.append_attribute("xml:id") = tax.id.c_str();
    for (auto& c : tax.categories) {
      pugi::xml_node cat = node.append_child("category");
      cat.append_attribute("xml:id") = c.id.c_str();
      cat.append_child("catDesc").text() = c.description.c_str();
    }
  }
  if (!h.persons.empty()) {
    pugi::xml_node profile = header.child("profileDesc");
    if (!profile) profile = header.insert_child_after("profileDesc", enc_desc);
    pugi::xml_node partic = child_or_add(profile, "particDesc");
    pugi::xml_node list = partic.child("listPerson");
    if (list) partic.remove_child(list);
    list = partic.append_child("listPerson");
    for (auto& p : h.persons) {
      pugi::xml_node person = list.append_child("person");
      person.append_attribute("xml:id") = p.id.c_str();
      if (!p.role.empty()) person.append_attribute("role") = p.role.c_str();
      if (!p.name.empty()) person.append_child("persName").text() = p.name.c_str();  // a neutral id may have no name
    }
  } else if (pugi::xml_node profile = header.child("profileDesc")) {
    // No participants (any more): no particDesc, and no empty profileDesc.
    profile.remove_child("particDesc");
    if (!profile.first_child()) header.remove_child(profile);
  }
}

// ------------------------------------------------------------------------------------------
// Reading
// ------------------------------------------------------------------------------------------

bool is_whitespace(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; });
}

// How TEI is parsed: whitespace-only text kept (it is the source's), comments and processing
// instructions kept (hand edits).
constexpr unsigned kParseFlags = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_comments | pugi::parse_pi;

std::string serialize(pugi::xml_node n) {
  std::ostringstream ss;
  n.print(ss, "", pugi::format_raw, pugi::encoding_utf8);
  return xml::keep_cr(ss.str());
}

// Each child of `parent` in turn, taken out of the tree once `read` has read it: the tree gives
// its memory back while the model grows, so the two are never held whole at once.
template <class Read>
void consume_children(pugi::xml_node parent, Read&& read) {
  for (pugi::xml_node n = parent.first_child(); n;) {
    pugi::xml_node next = n.next_sibling();
    read(n);
    parent.remove_child(n);
    n = next;
  }
}

// The header facts the model knows (Header), and the whole header as read (raw_header) for the
// writer to merge them back into.
void read_header(pugi::xml_node header, Header& h) {
  h.raw_header = serialize(header);
  pugi::xml_node fd = header.child("fileDesc");
  h.title = fd.child("titleStmt").child("title").text().get();
  pugi::xml_node bibl = fd.child("sourceDesc").child("bibl");
  for (auto idno : bibl.children("idno")) {
    std::string_view type = idno.attribute("type").value();
    if (type == "filename") h.source_name = idno.text().get();
    if (type == "sha256") h.sha256 = idno.text().get();
  }
  for (auto note : bibl.children("note")) {
    std::string_view type = note.attribute("type").value();
    if (type == "encoding") h.encoding = note.text().get();
    if (type == "decoding") h.decoding_note = note.text().get();
    if (type == "byteOrderMark") h.bom = std::string_view(note.text().get()) == "present";
    if (type == "lineEnds") h.line_ends = note.text().get();
  }
  for (auto app : header.child("encodingDesc").child("appInfo").children("application")) {
    if (!*app.attribute("ident").value()) continue;  // no ident: kept as it is in the header, nothing to update
    Application a{app.attribute("ident").value(), app.attribute("version").value(), app.child("desc").text().get(), {}};
    for (auto ptr : app.children("ptr")) a.pointers.push_back(ptr.attribute("target").value());
    h.applications.push_back(std::move(a));
  }
  for (auto rs : fd.child("titleStmt").children("respStmt")) {
    Responsibility r{rs.attribute("xml:id").value(), xml_input::text_of(rs.child("resp")), {}};
    if (r.id.empty()) continue;  // nothing points at it: kept as it is in the header
    for (auto c : rs.children())
      if (c.type() == pugi::node_element && std::string_view(c.name()) != "resp") r.names.push_back(xml_input::text_of(c));
    h.responsibilities.push_back(std::move(r));
  }
  for (auto note : fd.child("notesStmt").children("note"))
    h.notes.push_back({note.attribute("type").value(), note.text().get()});
  for (auto tax : header.child("encodingDesc").child("classDecl").children("taxonomy")) {
    Taxonomy t{tax.attribute("xml:id").value(), {}};
    for (auto cat : tax.children("category"))
      t.categories.push_back({cat.attribute("xml:id").value(), cat.child("catDesc").text().get()});
    h.taxonomies.push_back(std::move(t));
  }
  for (auto person : header.child("profileDesc").child("particDesc").child("listPerson").children("person"))
    h.persons.push_back({person.attribute("xml:id").value(), person.attribute("role").value(),
                         person.child("persName").text().get()});
}

// The children of `parent` other than character data, `middle` and `skip`, serialized: those before
// `middle` into `before`, those after it into `after` (kept as they were around <text> or
// <body>).
void keep_around(pugi::xml_node parent, pugi::xml_node middle, std::initializer_list<pugi::xml_node> skip,
                 std::string& before, std::string& after) {
  bool past = false;
  for (auto n : parent.children()) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata ||
        std::find(skip.begin(), skip.end(), n) != skip.end())
      continue;
    if (n == middle) {
      past = true;
      continue;
    }
    (past ? after : before) += serialize(n);
  }
}

// Reads the elements of a TEI body into the model: divisions, turns, blocks, leaves, sentences
// and their spans, the whitespace between blocks kept as the next leaf's lead; an error names
// the node's line and column in the text as it was.
class ModelReader {
 protected:
  explicit ModelReader(std::string_view text) : lines_(text) {}

  [[noreturn]] void fail(pugi::xml_node n, const std::string& msg) const {
    std::size_t line = 0, col = 0;
    if (n) std::tie(line, col) = lines_.at(static_cast<std::size_t>(n.offset_debug()));
    throw DataError(msg, line, col);
  }
  [[noreturn]] void fail_whole(pugi::xml_node n, std::string message_template, std::vector<std::string> args) const {
    std::size_t line = 0, col = 0;
    if (n) std::tie(line, col) = lines_.at(static_cast<std::size_t>(n.offset_debug()));
    throw DataError::whole(std::move(message_template), std::move(args), line, col);
  }

  // Whitespace in structural positions is the source's layout: it becomes the next leaf's lead.
  void structural_text(pugi::xml_node n) {
    std::string_view v = n.value();
    if (!is_whitespace(v)) fail(n.parent(), "text outside a block in <" + std::string(n.parent().name()) + ">");
    pending_ += v;
  }

  static bool is_block(std::string_view name) {
    return name == "p" || name == "list" || name == "quote" || name == "figure" || name == "trailer" ||
           name == "byline" || name == "head" || name == "ab" || name == "note";
  }

  void read_body(pugi::xml_node body, Document& doc) {
    consume_children(body, [&](pugi::xml_node n) {
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
        structural_text(n);
        return;
      }
      if (n.type() != pugi::node_element) return;
      if (std::string_view(n.name()) != "div") fail(n, "expected <div> in <body>, found <" + std::string(n.name()) + ">");
      doc.divisions.push_back(read_div(n));
    });
    doc.tail = std::move(pending_);
    pending_.clear();
  }

  Division read_div(pugi::xml_node div) {
    Division d;
    for (auto a : div.attributes()) {
      std::string_view name = a.name();
      if (name == "type") d.type = a.value();
      else if (name == "xml:id") d.id = a.value();
      else d.attrs.set(name, a.value());
    }
    auto unspoken_turn = [&](pugi::xml_node n) -> Turn& {
      if (d.turns.empty() || d.turns.back().spoken()) {
        d.turns.emplace_back();
        // Room for the blocks up to the next <sp>, so the vector is not grown (and copied) as
        // it fills.
        std::size_t blocks = 0;
        for (pugi::xml_node m = n; m && std::string_view(m.name()) != "sp"; m = m.next_sibling())
          blocks += m.type() == pugi::node_element || m.type() == pugi::node_comment || m.type() == pugi::node_pi;
        d.turns.back().blocks.reserve(blocks);
      }
      return d.turns.back();
    };
    consume_children(div, [&](pugi::xml_node n) {
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
        structural_text(n);
        return;
      }
      if (n.type() == pugi::node_comment || n.type() == pugi::node_pi) {
        unspoken_turn(n).blocks.push_back(raw_block(n));
        return;
      }
      if (n.type() != pugi::node_element) return;
      std::string_view name = n.name();
      if (name == "sp") {
        d.turns.push_back(read_sp(n));
        return;
      }
      unspoken_turn(n).blocks.push_back(read_block(n));
    });
    return d;
  }

  Turn read_sp(pugi::xml_node sp) {
    Turn t;
    for (auto a : sp.attributes()) {
      std::string_view name = a.name();
      if (name == "xml:id") t.id = a.value();
      else if (name == "who") t.who = a.value();
      else if (name == "cert") t.cert = a.value();
      else t.attrs.set(name, a.value());
    }
    if (t.who.empty()) fail(sp, "<sp> without @who");
    std::size_t blocks = 0;
    for (auto n : sp.children()) blocks += n.type() == pugi::node_element || n.type() == pugi::node_comment || n.type() == pugi::node_pi;
    t.blocks.reserve(blocks);
    consume_children(sp, [&](pugi::xml_node n) {
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
        structural_text(n);
        return;
      }
      if (n.type() == pugi::node_comment || n.type() == pugi::node_pi) {
        t.blocks.push_back(raw_block(n));
        return;
      }
      if (n.type() != pugi::node_element) return;
      if (std::string_view(n.name()) == "speaker") {
        // A speaker the editor supplied (<supplied>, written for a turn without a label) is not
        // the source's text: it is left out here and written again from particDesc.
        if (n.child("supplied")) {
          std::string label;
          for (auto c : n.children())
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) label += c.value();
          if (!label.empty()) t.speaker = label;
        } else {
          t.speaker = n.text().get();
        }
        return;
      }
      t.blocks.push_back(read_block(n));
    });
    return t;
  }

  // A node kept as it was (an unknown element, a comment, a processing instruction).
  Block raw_block(pugi::xml_node n) {
    Block b;
    b.kind = BlockKind::opaque;
    b.lead = std::move(pending_);
    pending_.clear();
    b.xml = serialize(n);
    return b;
  }

  Block read_block(pugi::xml_node n) {
    Block b;
    std::string_view name = n.name();
    auto take_attrs = [&](pugi::xml_node e, std::string& id, Attrs& attrs) {
      for (auto a : e.attributes()) {
        if (std::string_view(a.name()) == "xml:id") id = a.value();
        else attrs.set(a.name(), a.value());
      }
    };
    if (!is_block(name)) return raw_block(n);
    // A correction or an addendum notice is a block of its own; any other note (one a person
    // added by hand) is kept as it was.
    if (name == "note") {
      std::string_view type = n.attribute("type").value();
      if (type != "correction" && type != "addendum") return raw_block(n);
      b.kind = BlockKind::note;
      b.leaves.push_back(read_leaf(n));
      return b;
    }
    if (name == "p" || name == "trailer" || name == "byline" || name == "head" || name == "ab") {
      b.kind = name == "p" ? BlockKind::paragraph
               : name == "trailer" ? BlockKind::trailer
               : name == "byline" ? BlockKind::byline
               : name == "ab"     ? BlockKind::code
                                  : BlockKind::head;
      b.leaves.push_back(read_leaf(n));
      return b;
    }
    b.kind = name == "list" ? BlockKind::list : name == "quote" ? BlockKind::quote : BlockKind::figure;
    take_attrs(n, b.id, b.attrs);
    std::string_view child_name = b.kind == BlockKind::list ? "item" : b.kind == BlockKind::quote ? "p" : "head";
    for (auto c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        structural_text(c);
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      if (std::string_view(c.name()) != child_name)
        fail(c, "unexpected <" + std::string(c.name()) + "> in <" + std::string(name) + "> (expected <" +
                    std::string(child_name) + ">)");
      b.leaves.push_back(read_leaf(c));
    }
    if (b.leaves.empty()) fail(n, "empty <" + std::string(name) + ">");
    return b;
  }

  Leaf read_leaf(pugi::xml_node n) {
    Leaf leaf;
    leaf.element = n.name();
    leaf.lead = std::move(pending_);
    pending_.clear();
    for (auto a : n.attributes()) {
      if (std::string_view(a.name()) == "xml:id") leaf.id = a.value();
      else leaf.attrs.set(a.name(), a.value());
    }
    std::size_t pieces = 0;
    for (auto c : n.children()) pieces += c.type() != pugi::node_null;
    leaf.pieces.reserve(pieces);
    for (auto c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        if (!leaf.pieces.empty() && leaf.pieces.back().kind == Piece::Kind::text) leaf.pieces.back().text += c.value();
        else leaf.pieces.push_back({Piece::Kind::text, {}, c.value()});
        continue;
      }
      if (c.type() == pugi::node_comment || c.type() == pugi::node_pi) {
        leaf.pieces.push_back({Piece::Kind::opaque, {}, serialize(c)});
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      if (std::string_view(c.name()) == "s") {
        Piece p;
        p.kind = Piece::Kind::sentence;
        p.sentence = read_sentence(c);
        leaf.pieces.push_back(std::move(p));
      } else {
        leaf.pieces.push_back({Piece::Kind::opaque, {}, serialize(c)});
      }
    }
    return leaf;
  }

  Sentence read_sentence(pugi::xml_node n) {
    Sentence s;
    for (auto a : n.attributes()) {
      if (std::string_view(a.name()) == "xml:id") s.id = a.value();
      else s.attrs.set(a.name(), a.value());
    }
    read_inline(n, s);
    return s;
  }

  void read_inline(pugi::xml_node n, Sentence& s) {
    for (auto c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        s.text += c.value();
        continue;
      }
      if (c.type() == pugi::node_comment || c.type() == pugi::node_pi) {
        Span raw;
        raw.begin = raw.end = s.text.size();
        raw.xml = serialize(c);
        s.spans.push_back(std::move(raw));
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      if (std::string_view(c.name()) == "s") fail(c, "<s> inside <s>");
      std::size_t index = s.spans.size();
      Span span;
      span.begin = s.text.size();
      span.element = c.name();
      for (auto a : c.attributes()) span.attrs.set(a.name(), a.value());
      s.spans.push_back(std::move(span));
      read_inline(c, s);
      s.spans[index].end = s.text.size();
    }
  }

  xml_input::Lines lines_;
  std::string pending_;
};

// Reads a whole TEI document: parses it through the gate for outside XML, checks its root and
// its ids, reads the header, the body (ModelReader), the stand-off, and keeps what is around them.
class Reader : public ModelReader {
 public:
  Reader(std::string_view xml, const std::string& origin) : ModelReader(xml), xml_(xml), origin_(origin) {}
  // The text parsed in its own memory: no copy of it is made.
  Reader(std::string&& xml, const std::string& origin)
      : ModelReader(xml), owned_(std::move(xml)), xml_(owned_), origin_(origin), in_place_(true) {}

  Document run() {
    // One gate for every reader of outside XML: characters, entities, DTD, one root, depth.
    // Comments and processing instructions are read too: they are kept where they were.
    if (in_place_) xml_input::parse_in_place(owned_, kParseFlags, dom_, lines_);
    else xml_input::parse(xml_, kParseFlags, buffer_, dom_);
    pugi::xml_node root = dom_.document_element();
    if (!root || std::string_view(root.name()) != "TEI")
      fail_whole(root, N_("not a TEI document (root element is <{1}>, expected <TEI>)"), {root ? root.name() : ""});
    if (std::string_view(root.attribute("xmlns").value()) != kNamespace)
      fail(root, std::string("the root <TEI> is not in the TEI namespace ") + kNamespace);
    check_unique_ids(root);
    Document doc;
    for (auto a : root.attributes())
      if (std::string_view(a.name()) != "xmlns") doc.root_attrs.set(a.name(), a.value());
    pugi::xml_node header = root.child("teiHeader");
    if (!header) fail(root, "missing <teiHeader>");
    read_header(header, doc.header);
    pugi::xml_node text = root.child("text");
    pugi::xml_node body = text.child("body");
    if (!body) fail(root, "missing <text><body>");
    pugi::xml_node standoff = root.child("standOff");
    // Every other child of <TEI> is kept as it was, before or after <text>.
    keep_around(root, text, {header, standoff}, doc.before_text, doc.after_text);
    for (auto a : text.attributes()) doc.text_attrs.set(a.name(), a.value());
    for (auto a : body.attributes()) doc.body_attrs.set(a.name(), a.value());
    keep_around(text, body, {}, doc.front, doc.back);  // <front> before <body>, <back> after it
    read_body(body, doc);
    if (standoff) doc.standoff = read_standoff(serialize(standoff));
    return doc;
  }

 protected:
  // An xml:id names one element: with two of a name, pointers are ambiguous and the stages'
  // numbering (which continues the document's) would depend on which one they met first, so
  // running them again would change the document (found by fuzz_tei).
  void check_unique_ids(pugi::xml_node root) const {
    std::unordered_set<std::string_view> seen;
    std::vector<pugi::xml_node> stack{root};
    while (!stack.empty()) {
      pugi::xml_node n = stack.back();
      stack.pop_back();
      if (pugi::xml_attribute id = n.attribute("xml:id"); id && !seen.insert(id.value()).second)
        fail(n, "duplicate xml:id \"" + std::string(id.value()) + "\" (an xml:id names one element)");
      for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling())
        if (c.type() == pugi::node_element) stack.push_back(c);
    }
  }

  std::string owned_;  // the text parsed in place (read_in_place), else empty
  std::string_view xml_;
  std::string origin_;
  bool in_place_ = false;
  std::vector<char> buffer_;
  pugi::xml_document dom_;
};

// ------------------------------------------------------------------------------------------
// Reading a block at a time
// ------------------------------------------------------------------------------------------

// The reader never builds the tree of the whole document: it finds the skeleton (<TEI>,
// <teiHeader>, <text>, <body>, each <div>) in the bytes, and parses with pugixml only pieces of
// about g_fragment bytes made of whole children of a division (blocks, <sp>), or one child of
// <TEI> or <text>, each read into the model by Reader's own functions. The input is never
// changed (pieces are parsed in a copy), so anything the skeleton scan does not expect (a
// malformed document, a duplicate xml:id, a header after <text>, an entity in the whitespace
// between divisions…) hands the whole input to Reader, whose answer (its document, or its
// error with the same message, line and column as ever) is final: the stream only takes the
// common path, never decides an error.
using skeleton::Fallback;
using skeleton::IdSet;
using skeleton::Skeleton;
using skeleton::Tag;

std::size_t g_fragment = std::size_t(64) << 10;  // set_fragment_bytes() changes it for tests

class StreamReader : public Reader {
 public:
  StreamReader(std::string_view xml, const std::string& origin) : Reader(xml, origin), scan_(xml), ids_(xml) {}

  // Reads the document into `h`; throws Fallback when Reader must read it instead.
  void run(BlockHandler& h, Document& doc) {
    try {
      document(h, doc);
    } catch (const DataError&) {
      throw Fallback{};
    }
  }

 private:
  // Parses xml_[b, e) (whole nodes) as a fragment at `depth` (that of its parent), after checking
  // its depth and ids. The tree is in frag_.
  pugi::xml_node fragment(std::size_t b, std::size_t e, std::size_t depth) {
    // pugixml drops whitespace at the very end of a fragment: a processing instruction after the
    // piece keeps it, and is taken away after the parse.
    scratch_.assign(xml_.data() + b, xml_.data() + e);
    static constexpr std::string_view end_mark = "<?e?>";
    scratch_.insert(scratch_.end(), end_mark.begin(), end_mark.end());
    pugi::xml_parse_result r =
        frag_.load_buffer_inplace(scratch_.data(), scratch_.size(), kParseFlags | pugi::parse_fragment, pugi::encoding_utf8);
    if (!r) throw Fallback{};
    pugi::xml_node mark = frag_.last_child();
    if (mark.type() != pugi::node_pi || std::string_view(mark.name()) != "e") throw Fallback{};
    frag_.remove_child(mark);
    const char* base = scratch_.data();
    xml_input::walk_below(frag_, depth, [&](pugi::xml_node n, std::size_t d) {
      if (n.type() != pugi::node_element) return;
      if (d > xml_input::kMaxDepth) throw Fallback{};
      if (pugi::xml_attribute id = n.attribute("xml:id")) {
        const char* v = id.value();
        std::size_t raw = v >= base && v < base + scratch_.size() ? b + static_cast<std::size_t>(v - base) : std::string_view::npos;
        if (!ids_.insert(v, raw)) throw Fallback{};
      }
    });
    return frag_;
  }

  // The element of a start tag, its attributes parsed (and its xml:id counted) as an empty element.
  pugi::xml_node start_tag(std::size_t p, const Tag& t, std::size_t depth) {
    std::string tag(xml_.substr(p, t.end - p));
    if (t.kind == Tag::start) tag.insert(tag.size() - 1, "/");
    scratch_.assign(tag.begin(), tag.end());
    pugi::xml_parse_result r =
        frag_.load_buffer_inplace(scratch_.data(), scratch_.size(), kParseFlags | pugi::parse_fragment, pugi::encoding_utf8);
    pugi::xml_node n = frag_.first_child();
    if (!r || !n || n.type() != pugi::node_element || n.next_sibling() || depth > xml_input::kMaxDepth) throw Fallback{};
    if (pugi::xml_attribute id = n.attribute("xml:id")) {
      const char* v = id.value();
      const char* base = scratch_.data();
      std::size_t raw = v >= base && v < base + scratch_.size() ? p + static_cast<std::size_t>(v - base) : std::string_view::npos;
      if (!ids_.insert(v, raw)) throw Fallback{};
    }
    return n;
  }

  // Serialised nodes of xml_[b, e) (children of <TEI> or <text>), appended to `out`.
  void keep(std::size_t b, std::size_t e, std::size_t depth, std::string& out) {
    for (auto n : fragment(b, e, depth).children())
      if (n.type() != pugi::node_pcdata && n.type() != pugi::node_cdata) out += serialize(n);
  }

  void document(BlockHandler& h, Document& doc) {
    std::string_view x = xml_;
    xml_input::check_characters(x);
    xml_input::check_doctype(x);
    xml_input::check_references(x);
    auto [root, root_at] = scan_.root(x.starts_with("\xEF\xBB\xBF") ? 3 : 0);
    {
      pugi::xml_node r = start_tag(root_at, root, 1);
      if (std::string_view(r.name()) != "TEI" || std::string_view(r.attribute("xmlns").value()) != kNamespace) throw Fallback{};
      for (auto a : r.attributes())
        if (std::string_view(a.name()) != "xmlns") doc.root_attrs.set(a.name(), a.value());
    }
    // The children of <TEI>: the header first, then <text>; the first <standOff>; the rest kept.
    bool header = false, text = false, standoff = false;
    std::size_t i = scan_.children(root.end, "TEI", [&](std::size_t lt, const Tag& t) {
      std::size_t e = scan_.node_end(t);
      if (t.kind == Tag::other && scan_.cdata_at(lt)) return e;  // text in <TEI> is not read
      if (t.kind != Tag::other && t.name == "teiHeader" && !header) {
        if (text) throw Fallback{};
        header = true;
        for (auto n : fragment(lt, e, 1).children())
          if (n.type() == pugi::node_element) read_header(n, doc.header);
      } else if (t.kind != Tag::other && t.name == "standOff" && !standoff) {
        standoff = true;
        for (auto n : fragment(lt, e, 1).children())
          if (n.type() == pugi::node_element) doc.standoff = read_standoff(serialize(n));
      } else if (t.kind != Tag::other && t.name == "text" && !text) {
        if (!header) throw Fallback{};
        text = true;
        e = read_text(lt, t, doc, h);
      } else {
        keep(lt, e, 1, text ? doc.after_text : doc.before_text);
      }
      return e;
    }).second;
    if (!header || !text) throw Fallback{};
    scan_.after_root(i);
    h.end(doc);
  }

  // <text> at `p`: its attributes, <front>, the body streamed, <back>. Returns its end.
  std::size_t read_text(std::size_t p, const Tag& tt, Document& doc, BlockHandler& h) {
    for (auto a : start_tag(p, tt, 2).attributes()) doc.text_attrs.set(a.name(), a.value());
    if (tt.kind == Tag::empty) throw Fallback{};  // no body
    bool body = false;
    std::size_t end = scan_.children(tt.end, "text", [&](std::size_t lt, const Tag& t) {
      if (t.kind == Tag::other && scan_.cdata_at(lt)) return t.end;
      if (t.kind != Tag::other && t.name == "body" && !body) {
        body = true;
        return read_body(lt, t, doc, h);
      }
      std::size_t e = scan_.node_end(t);
      keep(lt, e, 2, body ? doc.back : doc.front);
      return e;
    }).second;
    if (!body) throw Fallback{};
    return end;
  }

  // Whitespace between divisions, as Reader's structural_text keeps it (raw: no reference, no CR).
  void body_space(std::size_t b, std::size_t e) {
    std::string_view v = xml_.substr(b, e - b);
    for (char c : v)
      if (!scan_.is_space(c) || c == '\r') throw Fallback{};
    pending_ += v;
  }

  std::size_t read_body(std::size_t p, const Tag& bt, Document& doc, BlockHandler& h) {
    for (auto a : start_tag(p, bt, 3).attributes()) doc.body_attrs.set(a.name(), a.value());
    h.begin(doc);
    std::size_t i = bt.end;
    if (bt.kind == Tag::start) {
      auto division = [&](std::size_t lt, const Tag& t) {
        if (t.kind == Tag::other) {  // comments and processing instructions between divisions are not kept
          if (scan_.cdata_at(lt)) throw Fallback{};
          return t.end;
        }
        if (t.name != "div") throw Fallback{};
        return read_div(lt, t, h);
      };
      i = scan_.children(i, "body", division, [&](std::size_t b, std::size_t e) { body_space(b, e); }).second;
    }
    doc.tail = std::move(pending_);
    pending_.clear();
    return i;
  }

  // A division: its children found by the scan, then parsed g_fragment bytes at a time.
  std::size_t read_div(std::size_t p, const Tag& dt, BlockHandler& h) {
    Division d;
    for (auto a : start_tag(p, dt, 4).attributes()) {
      std::string_view name = a.name();
      if (name == "type") d.type = a.value();
      else if (name == "xml:id") d.id = a.value();
      else d.attrs.set(name, a.value());
    }
    h.division(std::move(d));
    if (dt.kind == Tag::empty) return dt.end;
    // Where each block child (an element, <sp> included, a comment, a PI) starts, and for a block
    // how many there are from it to the next <sp>: what Reader reserves for an unspoken turn.
    children_.clear();
    auto [close, end] = scan_.children(dt.end, "div", [&](std::size_t lt, const Tag& t) {
      if (!(t.kind == Tag::other && scan_.cdata_at(lt))) children_.push_back({lt, 0, t.kind != Tag::other && t.name == "sp"});
      return scan_.node_end(t);
    });
    std::size_t run = 0;
    for (std::size_t c = children_.size(); c-- > 0;)
      children_[c].run = static_cast<std::uint32_t>(children_[c].sp ? (run = 0) : ++run);
    // Pieces of whole children, about g_fragment bytes each; the first starts after the <div> tag
    // (the text before the first block with it), the last ends at </div>.
    std::size_t at = dt.end, k = 0, block = 0;  // k: the first child not in a piece yet
    while (at < close) {
      std::size_t j = k;
      if (j < children_.size() && children_[j].at == at) ++j;
      while (j < children_.size() && children_[j].at - at < g_fragment) ++j;
      std::size_t to = j < children_.size() ? children_[j].at : close;
      k = j;
      for (auto n : fragment(at, to, 4).children()) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
          structural_text(n);
          continue;
        }
        std::size_t hint = block < children_.size() ? children_[block].run : 0;
        ++block;
        if (n.type() == pugi::node_comment || n.type() == pugi::node_pi) {
          h.block(raw_block(n), hint);
          continue;
        }
        if (n.type() != pugi::node_element) continue;
        if (std::string_view(n.name()) == "sp") h.turn(read_sp(n));
        else h.block(read_block(n), hint);
      }
      at = to;
    }
    return end;
  }

  struct Child {
    std::size_t at;
    std::uint32_t run;  // blocks from this one to the next <sp>
    bool sp;
  };
  Skeleton scan_;
  IdSet ids_;
  std::vector<char> scratch_;
  pugi::xml_document frag_;
  std::vector<Child> children_;
};

// Builds the Document (tei::read).
class Collector : public BlockHandler {
 public:
  explicit Collector(Document& doc) : doc_(doc) {}
  void begin(Document&) override {}
  void division(Division&& d) override { doc_.divisions.push_back(std::move(d)); }
  void block(Block&& b, std::size_t run) override {
    auto& turns = doc_.divisions.back().turns;
    if (turns.empty() || turns.back().spoken()) {
      turns.emplace_back();
      turns.back().blocks.reserve(run);
    }
    turns.back().blocks.push_back(std::move(b));
  }
  void turn(Turn&& t) override { doc_.divisions.back().turns.push_back(std::move(t)); }
  void end(Document&) override {}
  void restart() override {}

 private:
  Document& doc_;
};

}  // namespace

namespace {

void write_prologue(std::string& out, const Document& doc) {
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"";
  out += kNamespace;
  out.push_back('"');
  for (auto& a : doc.root_attrs.list()) {
    out.push_back(' ');
    out += a.name;
    out += "=\"";
    escape_attr(out, a.value);
    out.push_back('"');
  }
  out += ">\n";
  pugi::xml_document hdoc;
  bool fresh = doc.header.raw_header.empty();
  if (!fresh) {
    pugi::xml_parse_result r = hdoc.load_buffer(doc.header.raw_header.data(), doc.header.raw_header.size(),
                                                pugi::parse_default | pugi::parse_comments | pugi::parse_pi,
                                                pugi::encoding_utf8);
    if (!r || !hdoc.child("teiHeader")) throw std::logic_error("stored header is not well-formed");
  } else {
    hdoc.append_child("teiHeader");
  }
  build_header(hdoc.child("teiHeader"), doc.header, fresh);
  std::ostringstream hs;
  hdoc.child("teiHeader").print(hs, "  ", pugi::format_indent, pugi::encoding_utf8, 1);
  out += xml::keep_cr(hs.str());
  if (!doc.before_text.empty()) {
    out += "  ";
    out += doc.before_text;
    out += "\n";
  }
  out += "  ";
  open_tag(out, "text", "", doc.text_attrs);
  out += doc.front;
  open_tag(out, "body", "", doc.body_attrs);
}

// `back` and `after_text`: a read document's <back> and what followed its <text> (Document).
void write_epilogue(std::string& out, std::string_view tail, const StandOff& so,
                    const std::string& back = {}, const std::string& after_text = {}) {
  escape_text(out, tail);
  out += "</body>";
  out += back;
  out += "</text>\n";
  const std::string standoff = standoff_xml(so);
  for (const std::string* part : {&standoff, &after_text}) {
    if (part->empty()) continue;
    out += "  ";
    out += *part;
    out += "\n";
  }
  out += "</TEI>\n";
}

}  // namespace

std::string write(const Document& doc) {
  std::string out;
  out.reserve(size_hint(doc));
  write_prologue(out, doc);
  write_body(out, doc);
  write_epilogue(out, doc.tail, doc.standoff, doc.back, doc.after_text);
  return out;
}

void write(const Document& doc, const std::function<void(std::string_view)>& sink, std::size_t chunk) {
  std::string out;
  out.reserve(std::min(size_hint(doc), chunk + chunk / 4));
  write_prologue(out, doc);
  write_body(out, doc, Chunks{&sink, chunk});
  write_epilogue(out, doc.tail, doc.standoff, doc.back, doc.after_text);
  if (!out.empty()) sink(out);
}

StreamWriter::StreamWriter(Sink sink, std::size_t chunk) : sink_(std::move(sink)), chunk_(chunk) {
  buf_.reserve(chunk_ + 4096);
}

void StreamWriter::flush(bool force) {
  if (buf_.empty() || (!force && buf_.size() < chunk_)) return;
  sink_(buf_);
  buf_.clear();
}

void StreamWriter::begin(const Document& doc) {
  write_prologue(buf_, doc);
  flush(false);
}

void StreamWriter::open_div(const Division& div, std::string_view lead) {
  escape_text(buf_, lead);
  jatei::tei::open_div(buf_, div, nullptr);
  first_in_div_ = true;
}

void StreamWriter::block(const Block& b) {
  write_block(buf_, b, take_first());
  check();
}

namespace {

// <element xml:id="prefixN"> with N the counter, advanced: put together first and appended at once.
void open_numbered(std::string& out, std::string_view element, std::string_view prefix, std::size_t& counter) {
  char tag[64];
  char* q = tag;
  *q++ = '<';
  q = std::copy(element.begin(), element.end(), q);
  constexpr std::string_view attr = " xml:id=\"";
  q = std::copy(attr.begin(), attr.end(), q);
  q = std::copy(prefix.begin(), prefix.end(), q);
  q = std::to_chars(q, tag + sizeof tag - 2, ++counter).ptr;
  *q++ = '"';
  *q++ = '>';
  out.append(tag, q);
}

// The prefix of a leaf or container element's ids, and its counter.
std::pair<const char*, std::size_t*> numbering(IdCounters& ids, std::string_view element) {
  if (element == "p") return {"p", &ids.p};
  if (element == "item") return {"i", &ids.item};
  if (element == "head") return {"h", &ids.head};
  if (element == "trailer") return {"tr", &ids.trailer};
  if (element == "byline") return {"by", &ids.byline};
  if (element == "list") return {"l", &ids.list};
  if (element == "quote") return {"q", &ids.quote};
  if (element == "figure") return {"fig", &ids.figure};
  if (element == "ab") return {"ab", &ids.code};
  if (element == "note") return {"n", &ids.note};
  return {nullptr, nullptr};
}

// prefix followed by n in decimal ("s12").
std::string numbered(std::string_view prefix, std::size_t n) {
  char digits[24];
  std::string id(prefix);
  id.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
  return id;
}

std::string next_id(IdCounters& ids, std::string_view element) {
  auto [prefix, counter] = numbering(ids, element);
  return prefix ? numbered(prefix, ++*counter) : std::string();
}

}  // namespace

const char* leaf_element(BlockKind kind) {
  switch (kind) {
    case BlockKind::list: return "item";
    case BlockKind::figure: case BlockKind::head: return "head";
    case BlockKind::trailer: return "trailer";
    case BlockKind::byline: return "byline";
    case BlockKind::code: return "ab";
    case BlockKind::note: return "note";
    default: return "p";
  }
}

void IdCounters::assign(Block& b) {
  if (std::string_view container = container_name(b.kind); !container.empty()) b.id = next_id(*this, container);
  for (auto& leaf : b.leaves) {
    if (std::string id = next_id(*this, leaf.element); !id.empty()) leaf.id = std::move(id);
    for (auto& piece : leaf.pieces)
      if (piece.kind == Piece::Kind::sentence) piece.sentence.id = numbered("s", ++s);
  }
}

void IdCounters::count(BlockKind kind, std::size_t leaves, std::size_t sentences) {
  if (std::string_view container = container_name(kind); !container.empty()) ++*numbering(*this, container).second;
  *numbering(*this, leaf_element(kind)).second += leaves;
  s += sentences;
}

void StreamWriter::open_block(BlockKind kind, std::string_view lead, std::string_view type) {
  leaf_type_.assign(type);
  lead_out_ = take_first();
  std::string_view container = container_name(kind);
  container_ = container.empty() ? nullptr : container.data();
  if (container_) {
    if (!lead_out_) escape_text(buf_, lead);
    lead_out_ = true;
    auto [prefix, counter] = numbering(ids_, container);
    open_numbered(buf_, container, prefix, *counter);
  }
  leaf_element_ = leaf_element(kind);
  std::tie(leaf_prefix_, leaf_counter_) = numbering(ids_, leaf_element_);
}

void StreamWriter::leaf(std::string_view lead, std::string_view text, std::span<const TextRange> sentences) {
  if (!lead_out_) escape_text(buf_, lead);
  lead_out_ = false;
  open_numbered(buf_, leaf_element_, leaf_prefix_, *leaf_counter_);
  if (std::string_view(leaf_element_) == "ab") {  // a line of code: <ab xml:id="abN" type="code">
    buf_.pop_back();
    buf_ += " type=\"code\">";
  } else if (!leaf_type_.empty()) {  // a notice: <note xml:id="nN" type="correction">
    buf_.pop_back();
    buf_ += " type=\"";
    escape_attr(buf_, leaf_type_);
    buf_ += "\">";
  }
  std::size_t prev = 0;
  for (auto [b, e] : sentences) {
    if (b > prev) escape_text(buf_, text.substr(prev, b - prev));
    open_numbered(buf_, "s", "s", ids_.s);
    escape_text(buf_, text.substr(b, e - b));
    buf_ += "</s>";
    prev = e;
  }
  if (prev < text.size()) escape_text(buf_, text.substr(prev));
  close_tag(buf_, leaf_element_);
}

void StreamWriter::close_block() {
  if (container_) close_tag(buf_, container_);
  container_ = nullptr;
  check();
}

void StreamWriter::close_div() { close_tag(buf_, "div"); }

void StreamWriter::division(const Division& d, const std::vector<Person>& persons) {
  write_division(buf_, d, &persons, Chunks{&sink_, chunk_});
}

void StreamWriter::end(std::string_view tail, const StandOff& standoff) {
  write_epilogue(buf_, tail, standoff);
  flush(true);
}

void StreamWriter::end(const Document& doc) {
  write_epilogue(buf_, doc.tail, doc.standoff, doc.back, doc.after_text);
  flush(true);
}

namespace {

// The document read as a stream, or nothing when its layout is one for the whole-tree reader.
std::optional<Document> read_streamed(std::string_view xml, const std::string& origin) {
  Document doc;
  Collector c(doc);
  try {
    StreamReader(xml, origin).run(c, doc);
    return doc;
  } catch (const Fallback&) {
    return std::nullopt;
  }
}

}  // namespace

Document read(std::string_view xml, const std::string& origin) {
  if (auto doc = read_streamed(xml, origin)) return std::move(*doc);
  return Reader(xml, origin).run();
}

Document read_in_place(std::string&& xml, const std::string& origin) {
  if (auto doc = read_streamed(xml, origin)) return std::move(*doc);
  return Reader(std::move(xml), origin).run();
}

Document read_tree(std::string_view xml, const std::string& origin) { return Reader(xml, origin).run(); }

void set_fragment_bytes(std::size_t bytes) { g_fragment = bytes; }

namespace {

// Takes what it is handed and keeps nothing (streams()).
class NullHandler : public BlockHandler {
 public:
  void begin(Document&) override {}
  void division(Division&&) override {}
  void block(Block&&, std::size_t) override {}
  void turn(Turn&&) override {}
  void end(Document&) override {}
  void restart() override {}
};

}  // namespace

bool streams(std::string_view xml, const std::string& origin) {
  Document doc;
  NullHandler h;
  try {
    StreamReader(xml, origin).run(h, doc);
    return true;
  } catch (const Fallback&) {
    return false;
  }
}

void read_blocks(std::string_view xml, const std::string& origin, BlockHandler& h) {
  {
    Document doc;
    try {
      StreamReader(xml, origin).run(h, doc);
      return;
    } catch (const Fallback&) {
    }
  }
  // What the stream does not take is read whole, then handed over in the same order.
  Document doc = Reader(xml, origin).run();
  h.restart();
  std::vector<Division> divisions = std::move(doc.divisions);
  doc.divisions.clear();
  h.begin(doc);
  for (auto& d : divisions) {
    std::vector<Turn> turns = std::move(d.turns);
    d.turns.clear();
    h.division(std::move(d));
    for (auto& t : turns) {
      if (t.spoken()) {
        h.turn(std::move(t));
        continue;
      }
      std::size_t left = t.blocks.size();
      for (auto& b : t.blocks) h.block(std::move(b), left--);
    }
  }
  h.end(doc);
}

namespace {

// The source text a block at a time (text_of).
class TextHandler : public BlockHandler {
 public:
  TextHandler(std::string& out, Header* header) : out_(out), header_(header) {}
  void begin(Document& doc) override {
    if (header_) *header_ = doc.header;
  }
  void division(Division&& d) override { skip_ = d.is_translation(); }
  void block(Block&& b, std::size_t) override {
    if (skip_) return;
    one_.blocks.clear();
    one_.blocks.push_back(std::move(b));
    append_text(out_, one_);
  }
  void turn(Turn&& t) override {
    if (!skip_) append_text(out_, t);
  }
  void end(Document& doc) override { out_ += doc.tail; }
  void restart() override {
    out_.clear();
    skip_ = false;
  }

 private:
  std::string& out_;
  Header* header_;
  Turn one_;  // an unspoken turn of one block (no speaker)
  bool skip_ = false;
};

}  // namespace

std::string text_of(std::string_view xml, const std::string& origin, Header* header) {
  std::string out;
  TextHandler h(out, header);
  read_blocks(xml, origin, h);
  return out;
}

}  // namespace jatei::tei
