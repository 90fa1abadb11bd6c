// Checks of XLIFF that an XML Schema cannot make, and XSD validation (libxml2).
//
// The rules follow the XLIFF 2.1 specification's constraints as the official Schematron
// (xliff_core_2.1.sch, glossary.sch) states them, for everything the writer uses: ids and their
// scopes, languages, notes and comment annotations, the glossary module, fragment identifiers in
// references. Inline codes the writer never emits (sc/ec pairing, original data, copyOf,
// reordering) are not checked. Rule names are the Schematron's pattern ids.
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <pugixml.hpp>

#include <algorithm>
#include <limits>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "export/view.hpp"
#include "jatei/error.hpp"
#include "jatei/export.hpp"

namespace jatei {
namespace {

const std::string kCore2 = "urn:oasis:names:tc:xliff:document:2.0";
const std::string kCore22 = "urn:oasis:names:tc:xliff:document:2.2";
const std::string kCore12 = "urn:oasis:names:tc:xliff:document:1.2";
const std::string kGls = "urn:oasis:names:tc:xliff:glossary:2.0";
const std::string kXmlNs = "http://www.w3.org/XML/1998/namespace";

// An element with its namespace resolved (pugixml does not resolve prefixes).
struct El {
  std::string ns, local;
  std::map<std::string, std::string> attrs;  // unprefixed name, "xml:lang", or "{ns}local"
  std::vector<El*> children;
  El* parent = nullptr;
  std::size_t line = 0;
  bool has_text = false;  // non-whitespace text or any child node
  bool empty_content = true;
  bool is(const std::string& n, const std::string& l) const { return ns == n && local == l; }
  bool core() const { return ns == kCore2 || ns == kCore22; }
  const std::string* attr(const std::string& name) const {
    auto it = attrs.find(name);
    return it == attrs.end() ? nullptr : &it->second;
  }
  std::string value(const std::string& name) const {
    auto p = attr(name);
    return p ? *p : std::string();
  }
};

class Tree {
 public:
  std::vector<std::unique_ptr<El>> all;
  El* root = nullptr;

  bool load(std::string_view xml, XliffProblem& error) {
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < xml.size(); ++i)
      if (xml[i] == '\n') starts.push_back(i + 1);
    auto line_of = [&](std::ptrdiff_t off) {
      return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), static_cast<std::size_t>(off)) -
                                      starts.begin());
    };
    pugi::xml_document doc;
    auto r = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!r) {
      error = {line_of(r.offset), "xml", std::string("malformed XML: ") + r.description()};
      return false;
    }
    std::map<std::string, std::string> scope{{"xml", kXmlNs}};
    std::function<El*(pugi::xml_node, El*, std::map<std::string, std::string>)> build =
        [&](pugi::xml_node n, El* parent, std::map<std::string, std::string> ns) -> El* {
      for (auto a : n.attributes()) {
        std::string_view name = a.name();
        if (name == "xmlns") ns[""] = a.value();
        else if (name.substr(0, 6) == "xmlns:") ns[std::string(name.substr(6))] = a.value();
      }
      auto split = [](std::string_view q) -> std::pair<std::string, std::string> {
        auto c = q.find(':');
        if (c == std::string_view::npos) return {"", std::string(q)};
        return {std::string(q.substr(0, c)), std::string(q.substr(c + 1))};
      };
      auto e = std::make_unique<El>();
      auto [prefix, local] = split(n.name());
      e->ns = ns.count(prefix) ? ns[prefix] : "";
      e->local = local;
      e->parent = parent;
      e->line = line_of(n.offset_debug());
      for (auto a : n.attributes()) {
        std::string_view name = a.name();
        if (name == "xmlns" || name.substr(0, 6) == "xmlns:") continue;
        auto [ap, al] = split(name);
        if (ap.empty()) e->attrs[al] = a.value();
        else if (ap == "xml") e->attrs["xml:" + al] = a.value();
        else e->attrs["{" + (ns.count(ap) ? ns[ap] : ap) + "}" + al] = a.value();
      }
      El* raw = e.get();
      all.push_back(std::move(e));
      // Each child taken out of the pugixml tree once it is built: the tree gives its memory
      // back while this one grows.
      for (pugi::xml_node c = n.first_child(); c;) {
        pugi::xml_node next = c.next_sibling();
        if (c.type() == pugi::node_element) {
          raw->children.push_back(build(c, raw, ns));
          raw->empty_content = false;
        } else if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
          raw->empty_content = false;
        }
        n.remove_child(c);
        c = next;
      }
      return raw;
    };
    root = build(doc.document_element(), nullptr, scope);
    return true;
  }
};

void walk(El* e, const std::function<void(El*)>& fn) {
  fn(e);
  for (El* c : e->children) walk(c, fn);
}

El* core_ancestor(El* e, const std::string& local) {
  for (El* p = e->parent; p; p = p->parent)
    if (p->core() && p->local == local) return p;
  return nullptr;
}

// Inherited value of an xml: attribute.
std::string inherited(El* e, const std::string& name) {
  for (El* p = e; p; p = p->parent)
    if (auto v = p->attr(name)) return *v;
  return "";
}

std::string lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// XPath lang(): the element's language is `lang` or a subtag of it.
bool lang_matches(const std::string& actual, const std::string& wanted) {
  std::string a = lower(actual), w = lower(wanted);
  return a == w || (a.size() > w.size() && a.compare(0, w.size(), w) == 0 && a[w.size()] == '-');
}

// BCP 47 in the shape xs:language accepts (the registry itself is not consulted).
bool well_formed_lang(const std::string& s) {
  if (s.empty()) return false;
  // The primary subtag: 2-8 letters, or the singletons of private use and grandfathered tags.
  std::size_t dash = s.find('-');
  std::size_t first_len = dash == std::string::npos ? s.size() : dash;
  if (first_len == 1 && !(s[0] == 'x' || s[0] == 'X' || s[0] == 'i' || s[0] == 'I')) return false;
  if (first_len == 1 && dash == std::string::npos) return false;
  std::size_t i = 0, n = 0;
  bool first = true;
  while (i <= s.size()) {
    std::size_t j = s.find('-', i);
    if (j == std::string::npos) j = s.size();
    n = j - i;
    if (n < 1 || n > 8) return false;
    for (std::size_t k = i; k < j; ++k) {
      char c = s[k];
      bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      bool digit = c >= '0' && c <= '9';
      if (!(alpha || (!first && digit))) return false;
    }
    first = false;
    i = j + 1;
    if (j == s.size()) break;
  }
  return true;
}

bool nmtoken(const std::string& s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
           c == '_' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
  });
}

// XLIFF 2 fragment identifier of a same-document reference ("#n=n1", "#/f=f1/u=1/m1"):
// returns an empty string when well formed, else what is wrong.
std::string fragment_problem(const std::string& ref) {
  std::string s = ref.substr(1);
  if (!s.empty() && s[0] == '/') s = s.substr(1);
  if (s.empty()) return "empty fragment identifier";
  static const std::set<std::string> modules = {"mtc", "gls", "mda", "res", "slr", "val", "ctr", "fs", "its", "tbx"};
  static const std::set<std::string> leaves = {"n", "d", "t"};
  std::vector<std::string> parts;
  for (std::size_t i = 0;;) {
    std::size_t j = s.find('/', i);
    parts.push_back(s.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) break;
    i = j + 1;
  }
  int stage = 0;  // 0: nothing yet, 1: after f, 2: after g, 3: after u, 4: after a leaf
  std::set<std::string> seen;
  for (auto& p : parts) {
    if (stage == 4) return "a selector after the leaf '" + parts[&p - &parts[0] - 1] + "'";
    std::size_t eq = p.find('=');
    if (eq == std::string::npos) {
      if (!nmtoken(p)) return "'" + p + "' is not an id";
      stage = 4;
      continue;
    }
    std::string prefix = p.substr(0, eq), id = p.substr(eq + 1);
    if (!nmtoken(prefix) || prefix.find(':') != std::string::npos) return "prefix '" + prefix + "' is not an NMTOKEN";
    if (!nmtoken(id)) return "'" + id + "' is not an id";
    if (!seen.insert(prefix).second) return "prefix '" + prefix + "' used twice";
    int want;
    if (prefix == "f") want = 1;
    else if (prefix == "g") want = 2;
    else if (prefix == "u") want = 3;
    else if (leaves.count(prefix) || modules.count(prefix)) want = 4;
    else if (prefix.size() == 1) return "prefix '" + prefix + "' is reserved and not defined";
    else return "prefix '" + prefix + "' is not registered";
    if (want <= stage) return "selector '" + p + "' out of order";
    stage = want;
  }
  return "";
}

// The XLIFF 2 constraints, in the order they are reported for the same line: the languages;
// then per <file> its id, content and skeleton, the ids in its scopes, and per unit its
// segments, its targets' inline ids, its inline annotations and its glossary.
class Check2 {
 public:
  Check2(Tree& t, std::vector<XliffProblem>& out)
      : x_(t.root), out_(out), src_(x_->value("srcLang")), trg_(x_->value("trgLang")) {}

  void run() {
    languages();
    std::set<std::string> files;
    for (El* f : x_->children) {
      if (!(f->core() && f->local == "file")) continue;
      if (!files.insert(f->value("id")).second) add(f, "K1", "file id '" + f->value("id") + "' is not unique");
      file(f);
    }
  }

 private:
  void add(El* e, const char* rule, std::string msg) { out_.push_back({e ? e->line : 0, rule, std::move(msg)}); }

  void languages() {
    if (x_->attr("srcLang") && !well_formed_lang(src_)) add(x_, "lang", "srcLang '" + src_ + "' is not a language tag");
    if (x_->attr("trgLang") && !well_formed_lang(trg_)) add(x_, "lang", "trgLang '" + trg_ + "' is not a language tag");
    walk(x_, [&](El* e) {
      if (auto l = e->attr("xml:lang"); l && !well_formed_lang(*l)) add(e, "lang", "xml:lang '" + *l + "' is not a language tag");
    });
  }

  void file(El* f) {
    if (std::none_of(f->children.begin(), f->children.end(),
                     [](El* c) { return c->core() && (c->local == "unit" || c->local == "group"); }))
      add(f, "file", "a <file> without a unit or group");
    El* sk = nullptr;
    for (El* c : f->children)
      if (c->core() && c->local == "skeleton") sk = c;
    if (sk && !sk->attr("href") && sk->empty_content) add(sk, "F2", "empty <skeleton> without href");
    if (sk && sk->attr("href") && !sk->empty_content) add(sk, "F2", "<skeleton> with href must be empty");
    scoped_ids(f);
    walk(f, [&](El* u) {
      if (u->core() && u->local == "unit") unit(f, u);
    });
  }

  // Group and unit ids unique in the file, note ids in their <notes>, data ids in <originalData>.
  void scoped_ids(El* f) {
    std::set<std::string> groups, units;
    walk(f, [&](El* e) {
      if (!e->core()) return;
      if (e->local == "group" && e->attr("id") && !groups.insert(e->value("id")).second)
        add(e, "K2", "group id '" + e->value("id") + "' is not unique in the file");
      if (e->local == "unit" && !units.insert(e->value("id")).second)
        add(e, "K3", "unit id '" + e->value("id") + "' is not unique in the file");
      if (e->local == "notes") {
        std::set<std::string> notes;
        for (El* n : e->children)
          if (n->core() && n->local == "note" && n->attr("id") && !notes.insert(n->value("id")).second)
            add(n, "K4", "note id '" + n->value("id") + "' is not unique in its <notes>");
      }
      if (e->local == "originalData") {
        std::set<std::string> data;
        for (El* d : e->children)
          if (d->core() && d->local == "data" && !data.insert(d->value("id")).second)
            add(d, "K5", "data id '" + d->value("id") + "' is not unique in <originalData>");
      }
    });
  }

  void unit(El* f, El* u) {
    std::multiset<std::string> unit_notes;
    for (El* c : u->children)
      if (c->core() && c->local == "notes")
        for (El* n : c->children)
          if (n->core() && n->local == "note" && n->attr("id")) unit_notes.insert(n->value("id"));
    std::map<std::string, El*> source_ids;  // segment, ignorable and inline ids outside targets
    bool has_segment = parts(u, source_ids);
    target_ids(u, source_ids);
    if (!has_segment) add(u, "F3", "unit '" + u->value("id") + "' has no <segment>");
    walk(u, [&](El* e) {
      if (e->core() && (core_ancestor(e, "segment") || core_ancestor(e, "ignorable"))) annotation(f, u, e, unit_notes);
    });
    walk(u, [&](El* g) {
      if (g->is(kGls, "glossary")) glossary(u, g);
    });
  }

  // The unit's <source> and <target> in one of its segments or ignorables.
  static std::pair<El*, El*> source_and_target(El* part) {
    El *source = nullptr, *target = nullptr;
    for (El* c : part->children) {
      if (c->core() && c->local == "source") source = c;
      if (c->core() && c->local == "target") target = c;
    }
    return {source, target};
  }

  static bool is_part(El* e) { return e->core() && (e->local == "segment" || e->local == "ignorable"); }

  void duplicate_source_id(El* u, El* e) {
    add(e, "K6S", "id '" + e->value("id") + "' is used twice among the segments, ignorables and inline elements of unit '" +
                      u->value("id") + "'");
  }

  // Segments and ignorables: their ids and their sources' inline ids (into source_ids),
  // state, languages, xml:space, order. Returns whether the unit has a segment.
  bool parts(El* u, std::map<std::string, El*>& source_ids) {
    bool has_segment = false;
    std::set<std::string> orders;
    for (El* part : u->children) {
      if (!is_part(part)) continue;
      if (part->local == "segment") has_segment = true;
      if (part->attr("id") && !source_ids.emplace(part->value("id"), part).second) duplicate_source_id(u, part);
      if (part->local == "segment" && part->attr("subState") && !part->attr("state"))
        add(part, "F7", "subState without state");
      El *source, *target;
      std::tie(source, target) = source_and_target(part);  // not bound: Clang 14 cannot capture a binding
      if (source) {
        walk(source, [&](El* e) {
          if (e == source || !e->core() || !e->attr("id")) return;
          if (!source_ids.emplace(e->value("id"), e).second) duplicate_source_id(u, e);
        });
        std::string l = inherited(source, "xml:lang");
        if (!l.empty() && x_->attr("srcLang") && !lang_matches(l, src_))
          add(source, "F4S", "the source's language '" + l + "' is not srcLang '" + src_ + "'");
      }
      if (target) {
        if (!x_->attr("trgLang")) add(target, "F1", "a <target> but no trgLang on <xliff>");
        std::string l = inherited(target, "xml:lang");
        if (!l.empty() && x_->attr("trgLang") && !lang_matches(l, trg_))
          add(target, "F4T", "the target's language '" + l + "' is not trgLang '" + trg_ + "'");
        auto space = [](El* el) {
          std::string v = inherited(el, "xml:space");
          return v.empty() ? std::string("default") : v;
        };
        if (source && space(source) != space(target))
          add(target, "xml:space", "<target> and its <source> differ in xml:space");
        if (auto o = target->attr("order"); o && !orders.insert(*o).second)
          add(target, "K7", "order '" + *o + "' is used twice in unit '" + u->value("id") + "'");
      }
    }
    return has_segment;
  }

  // Target inline ids: unique in the unit, or the id of the same element in the sibling source.
  void target_ids(El* u, const std::map<std::string, El*>& source_ids) {
    for (El* part : u->children) {
      if (!is_part(part)) continue;
      El *source, *target;
      std::tie(source, target) = source_and_target(part);
      if (!target) continue;
      std::set<std::string> seen;
      walk(target, [&](El* e) {
        if (e == target || !e->core() || !e->attr("id")) return;
        std::string id = e->value("id");
        bool ok = seen.insert(id).second;
        auto it = source_ids.find(id);
        if (ok && it != source_ids.end()) {
          El* s = it->second;
          bool in_sibling_source = false;
          for (El* p = s->parent; p; p = p->parent)
            if (p == source) in_sibling_source = true;
          ok = in_sibling_source && s->local == e->local;
        }
        if (!ok) add(e, "K6T", "target id '" + id + "' neither matches its counterpart in the source nor is unique in the unit");
      });
    }
  }

  // An element inside a segment or ignorable: type and subType, comment annotations, references.
  void annotation(El* f, El* u, El* e, const std::multiset<std::string>& unit_notes) {
    if (e->attr("subType") && !e->attr("type")) add(e, "F8", "subType without type");
    if (e->attr("subType") && e->attr("type")) {
      std::string st = e->value("subType"), ty = e->value("type");
      bool fmt = st == "xlf:i" || st == "xlf:u" || st == "xlf:lb" || st == "xlf:pb" || st == "xlf:b";
      if ((fmt && ty != "fmt") || (st == "xlf:var" && ty != "ui") || (!fmt && st != "xlf:var" && st.rfind("xlf:", 0) == 0))
        add(e, "F8", "subType '" + st + "' does not go with type '" + ty + "'");
    }
    bool marker = e->local == "mrk" || e->local == "sm";
    if (marker && e->value("type") == "comment") {
      if (e->attr("value") == nullptr && e->attr("ref") == nullptr) add(e, "F12", "a comment annotation needs a value or a ref");
      if (e->attr("value") && e->attr("ref")) add(e, "F12", "a comment annotation has both value and ref");
      if (e->attr("ref")) {
        std::string ref = e->value("ref");
        std::string id;
        if (!names_unit_note(ref, f, u, id) || unit_notes.count(id) != 1)
          add(e, "F13", "comment ref '" + ref + "' does not point at one note of this unit");
      }
    }
    if (marker && e->attr("ref")) {
      std::string ref = e->value("ref");
      if (!ref.empty() && ref[0] == '#')
        if (std::string why = fragment_problem(ref); !why.empty()) add(e, "fragid", "reference '" + ref + "': " + why);
    }
  }

  // A comment's ref: "#n=ID", or an absolute "#f=F/u=U/n=ID" naming this very unit. Sets `id`
  // to the note's id.
  static bool names_unit_note(const std::string& ref, El* f, El* u, std::string& id) {
    bool here = !ref.empty() && ref[0] == '#';
    if (!here) return false;
    std::string frag = ref.substr(ref[1] == '/' ? 2 : 1);
    bool has_f = false, has_u = false;
    for (std::size_t i = 0; i <= frag.size();) {
      std::size_t j = frag.find('/', i);
      if (j == std::string::npos) j = frag.size();
      std::string sel = frag.substr(i, j - i);
      std::size_t eq = sel.find('=');
      std::string prefix = eq == std::string::npos ? "" : sel.substr(0, eq), value = sel.substr(eq + 1);
      if (prefix == "f") {
        has_f = true;
        here = here && value == f->value("id");
      } else if (prefix == "u") {
        has_u = true;
        here = here && value == u->value("id");
      } else if (prefix == "n") {
        id = value;
      } else {
        here = false;
      }
      i = j + 1;
    }
    return here && !(has_f && !has_u);  // with f and without u: a note of the file or of a group
  }

  // The glossary module: unique ids, complete entries, refs into a segment of the unit.
  void glossary(El* u, El* g) {
    std::set<std::string> ids;
    walk(g, [&](El* e) {
      bool entry = e->is(kGls, "glossEntry"), translation = e->is(kGls, "translation");
      if ((entry || translation) && e->attr("id") && !ids.insert(e->value("id")).second)
        add(e, "gls1", "glossary id '" + e->value("id") + "' is not unique in its glossary");
      if (entry && std::none_of(e->children.begin(), e->children.end(), [](El* c) {
            return c->is(kGls, "translation") || c->is(kGls, "definition");
          }))
        add(e, "gls2", "a glossEntry without translation or definition");
      if ((entry || translation) && e->attr("ref")) {
        // "#id" or "id" (what the Schematron allows), or "#t=id" for a target's inline element.
        std::string ref = e->value("ref");
        std::string id = ref.find('#') == std::string::npos ? ref : ref.substr(ref.find('#') + 1);
        if (id.rfind("t=", 0) == 0) id = id.substr(2);
        bool found = false;
        walk(u, [&](El* c) {
          if (!found && c->core() && c->value("id") == id && (c->local == "segment" || core_ancestor(c, "segment")))
            found = true;
        });
        if (!found) add(e, "gls3", "glossary ref '" + ref + "' does not point into a segment of this unit");
      }
    });
  }

  El* x_;
  std::vector<XliffProblem>& out_;
  std::string src_, trg_;
};

void check12(Tree& t, std::vector<XliffProblem>& out) {
  auto add = [&](El* e, const char* rule, std::string msg) { out.push_back({e ? e->line : 0, rule, std::move(msg)}); };
  for (El* f : t.root->children) {
    if (!(f->ns == kCore12 && f->local == "file")) continue;
    std::string src = f->value("source-language"), trg = f->value("target-language");
    if (!well_formed_lang(src)) add(f, "lang", "source-language '" + src + "' is not a language tag");
    if (f->attr("target-language") && !well_formed_lang(trg)) add(f, "lang", "target-language '" + trg + "' is not a language tag");
    std::set<std::string> units, groups;
    walk(f, [&](El* e) {
      if (e->ns != kCore12) return;
      if ((e->local == "trans-unit" || e->local == "bin-unit") && !units.insert(e->value("id")).second)
        add(e, "id", e->local + " id '" + e->value("id") + "' is not unique in the file");
      if (e->local == "group" && e->attr("id") && !groups.insert(e->value("id")).second)
        add(e, "id", "group id '" + e->value("id") + "' is not unique in the file");
      if (e->local == "source" && e->parent && e->parent->local == "trans-unit" && e->attr("xml:lang") &&
          !lang_matches(e->value("xml:lang"), src))
        add(e, "lang", "the source's xml:lang is not the file's source-language");
      if (e->local == "target" && e->parent && e->parent->local == "trans-unit" && e->attr("xml:lang") &&
          f->attr("target-language") && !lang_matches(e->value("xml:lang"), trg))
        add(e, "lang", "the target's xml:lang is not the file's target-language");
    });
  }
}

void silent(void*, xmlErrorPtr) {}

}  // namespace

std::vector<XliffProblem> check_xliff(std::string_view xml) {
  std::vector<XliffProblem> out;
  Tree t;
  XliffProblem error;
  if (!t.load(xml, error)) return {error};
  if (!t.root || t.root->local != "xliff") return {{1, "xliff", "the root element is not <xliff>"}};
  if (t.root->ns == kCore2 || t.root->ns == kCore22) Check2(t, out).run();
  else if (t.root->ns == kCore12) check12(t, out);
  else out.push_back({t.root->line, "xliff", "<xliff> in an unknown namespace '" + t.root->ns + "'"});
  std::stable_sort(out.begin(), out.end(), [](const XliffProblem& a, const XliffProblem& b) { return a.line < b.line; });
  return out;
}

std::vector<std::string> validate_xsd(std::string_view xml, const std::string& xsd_path) {
  if (!std::ifstream(xsd_path).good()) throw IoError("cannot open schema " + xsd_path, exit_noinput);
  if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))  // libxml2 takes an int
    return {"0: too large to validate: libxml2 reads at most 2 GiB"};
  std::vector<std::string> problems;
  auto collect = [](void* ctx, xmlErrorPtr err) {
    auto* out = static_cast<std::vector<std::string>*>(ctx);
    if (!err || !err->message) return;
    std::string m = err->message;
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    out->push_back(std::to_string(err->line > 0 ? err->line : 0) + ": " + m);
  };
  xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(xsd_path.c_str());
  std::vector<std::string> schema_errors;
  xmlSchemaSetParserStructuredErrors(pctx, collect, &schema_errors);
  xmlSchemaPtr schema = xmlSchemaParse(pctx);
  xmlSchemaFreeParserCtxt(pctx);
  if (!schema) throw DataError("cannot compile schema " + xsd_path + (schema_errors.empty() ? "" : ": " + schema_errors.front()));
  xmlSetStructuredErrorFunc(&problems, collect);
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "xliff", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  xmlSetStructuredErrorFunc(nullptr, silent);
  if (!doc) {
    xmlSchemaFree(schema);
    if (problems.empty()) problems.push_back("0: not well-formed XML");
    return problems;
  }
  xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(vctx, collect, &problems);
  int rc = xmlSchemaValidateDoc(vctx, doc);
  if (rc != 0 && problems.empty()) problems.push_back("0: not valid (libxml2 code " + std::to_string(rc) + ")");
  xmlSchemaFreeValidCtxt(vctx);
  xmlFreeDoc(doc);
  xmlSchemaFree(schema);
  return problems;
}

}  // namespace jatei
