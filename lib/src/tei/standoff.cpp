// Fact-check verdicts in <standOff>: read into FactChecks, and written as
// <listAnnotation type="factcheck"><note type="factcheck" …> with the indentation of a
// pretty-printed file, the rest of the stand-off kept as it was.
#include "tei/standoff.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "jatei/standoff.hpp"
#include "tei/escape.hpp"
#include "tei/xml_input.hpp"

namespace jatei::tei {
namespace {

constexpr unsigned kParse = pugi::parse_default | pugi::parse_ws_pcdata;

// The pointers of an attribute, each without its '#'.
std::vector<std::string> local_ids(std::string_view pointers) {
  std::vector<std::string> out;
  std::istringstream in{std::string(pointers)};
  for (std::string p; in >> p;) out.push_back(p.starts_with("#") ? p.substr(1) : p);
  return out;
}

std::string pointers(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "#" : " #") + id;
  return out;
}

FactCheck read_note(pugi::xml_node note) {
  FactCheck v;
  v.targets = local_ids(note.attribute("target").value());
  std::vector<std::string> resp = local_ids(note.attribute("resp").value());
  if (!resp.empty()) v.resp = resp.front();
  v.subtype = note.attribute("subtype").value();
  v.rating = note.attribute("n").value();
  // The space write_note puts before the date and the link is not part of the text.
  auto separator = [&v] {
    if (v.text.ends_with(' ')) v.text.pop_back();
  };
  for (auto c : note.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      v.text += c.value();
    } else if (std::string_view(c.name()) == "ref") {
      if (v.url.empty()) {
        v.url = c.attribute("target").value();
        separator();
      }
    } else if (c.type() == pugi::node_element && std::string_view(c.name()) == "date" && c.attribute("when")) {
      // The date of the check is written <date when="D">D</date>: not part of the note.
      bool written = xml_input::squash_space(xml_input::text_of(c)) == c.attribute("when").value();
      if (v.date.empty()) {
        v.date = c.attribute("when").value();
        separator();
      }
      if (!written) v.text += xml_input::text_of(c);
    } else if (c.type() == pugi::node_element) {
      v.text += xml_input::text_of(c);
    }
  }
  return v;
}

// Appends `child` to `parent` on its own line, keeping the indentation of a pretty-printed file.
void append_indented(pugi::xml_node parent, pugi::xml_node child, const std::string& indent, const std::string& closing) {
  pugi::xml_node last = parent.last_child();
  if (last && last.type() == pugi::node_pcdata && xml_input::squash_space(last.value()).empty()) {
    parent.insert_child_before(pugi::node_pcdata, last).set_value(("\n" + indent).c_str());
    parent.insert_copy_before(child, last);
  } else {
    parent.append_child(pugi::node_pcdata).set_value(("\n" + indent).c_str());
    parent.append_copy(child);
    parent.append_child(pugi::node_pcdata).set_value(("\n" + closing).c_str());
  }
}

std::string raw(pugi::xml_node n) {
  std::ostringstream ss;
  n.print(ss, "", pugi::format_raw, pugi::encoding_utf8);
  return xml::keep_cr(ss.str());
}

// <note type="factcheck" subtype n target resp>text <date when>date</date> <ref target>url</ref></note>
void write_note(pugi::xml_node note, const FactCheck& v) {
  note.append_attribute("type") = "factcheck";
  if (!v.subtype.empty()) note.append_attribute("subtype") = v.subtype.c_str();
  note.append_attribute("n") = xml::writable(v.rating).c_str();
  note.append_attribute("target") = pointers(v.targets).c_str();
  note.append_attribute("resp") = ("#" + v.resp).c_str();
  std::string text = xml::writable(v.text);
  if (!text.empty()) note.append_child(pugi::node_pcdata).set_value(text.c_str());
  if (!v.date.empty()) {
    if (!text.empty()) note.append_child(pugi::node_pcdata).set_value(" ");
    pugi::xml_node d = note.append_child("date");
    d.append_attribute("when") = v.date.c_str();
    d.text() = v.date.c_str();
  }
  if (!v.url.empty()) {
    if (!text.empty() || !v.date.empty()) note.append_child(pugi::node_pcdata).set_value(" ");
    pugi::xml_node ref = note.append_child("ref");
    ref.append_attribute("target") = xml::writable(v.url).c_str();
    ref.text() = xml::writable(v.url).c_str();
  }
}

std::string written_note(const FactCheck& v) {
  pugi::xml_document tmp;
  write_note(tmp.append_child("note"), v);
  return raw(tmp.first_child());
}

// The fact-check notes of a stand-off in document order (those fact_checks reads).
std::vector<pugi::xml_node> notes(pugi::xml_node standoff) {
  std::vector<pugi::xml_node> out;
  for (auto list : standoff.children("listAnnotation"))
    for (auto note : list.children("note"))
      if (std::string_view(note.attribute("type").value()) == "factcheck") out.push_back(note);
  return out;
}

// A stored stand-off opened to write verdicts into: everything else it holds stays as it was.
class Editor {
 public:
  explicit Editor(const std::string& stored) {
    if (!stored.empty()) {
      if (!doc_.load_buffer(stored.data(), stored.size(), kParse, pugi::encoding_utf8))
        throw std::logic_error("stored standOff is not well-formed");
    } else {
      doc_.append_child("standOff").append_child(pugi::node_pcdata).set_value("\n  ");
    }
    standoff_ = doc_.child("standOff");
  }

  // Puts `v` in place of `old`.
  void replace(pugi::xml_node old, const FactCheck& v) {
    pugi::xml_node parent = old.parent();
    pugi::xml_node note = parent.insert_child_after("note", old);
    write_note(note, v);
    parent.remove_child(old);
  }

  // Adds `v` at the end of the fact-check list, made when missing.
  void add(const FactCheck& v) {
    if (!list_) list_ = standoff_.find_child_by_attribute("listAnnotation", "type", "factcheck");
    if (!list_) {
      pugi::xml_document tmp;
      pugi::xml_node l = tmp.append_child("listAnnotation");
      l.append_attribute("type") = "factcheck";
      append_indented(standoff_, l, "    ", "  ");
      list_ = standoff_.find_child_by_attribute("listAnnotation", "type", "factcheck");
    }
    pugi::xml_document tmp;
    write_note(tmp.append_child("note"), v);
    append_indented(list_, tmp.first_child(), "      ", "    ");
  }

  pugi::xml_node standoff() const { return standoff_; }
  std::string xml() const { return raw(standoff_); }

 private:
  pugi::xml_document doc_;
  pugi::xml_node standoff_, list_;
};

bool same_key(const FactCheck& a, const FactCheck& b) { return a.targets == b.targets && a.resp == b.resp; }

}  // namespace

StandOff read_standoff(std::string raw_xml) {
  StandOff out;
  out.raw = std::move(raw_xml);
  if (out.raw.empty()) return out;
  pugi::xml_document sd;
  if (!sd.load_buffer(out.raw.data(), out.raw.size(), kParse, pugi::encoding_utf8)) return out;
  for (pugi::xml_node note : notes(sd.child("standOff"))) out.fact_checks.push_back(read_note(note));
  return out;
}

std::string standoff_xml(const StandOff& so) {
  if (so.fact_checks.empty() && so.raw.empty()) return {};
  const std::vector<FactCheck> stored = read_standoff(so.raw).fact_checks;
  if (stored == so.fact_checks) return so.raw;
  Editor ed(so.raw);
  std::vector<pugi::xml_node> old = notes(ed.standoff());
  // The verdicts as they were with some replaced (the same sentences and reviewer) and some
  // added: each written where it stands. Otherwise (removed, moved) all written anew.
  bool kept = so.fact_checks.size() >= stored.size() && old.size() == stored.size();
  for (std::size_t k = 0; kept && k < stored.size(); ++k) kept = same_key(stored[k], so.fact_checks[k]);
  if (!kept) {
    for (pugi::xml_node n : old) n.parent().remove_child(n);
    old.clear();
  }
  for (std::size_t k = 0; k < so.fact_checks.size(); ++k) {
    if (k < old.size()) {
      if (!(stored[k] == so.fact_checks[k])) ed.replace(old[k], so.fact_checks[k]);
    } else {
      ed.add(so.fact_checks[k]);
    }
  }
  return ed.xml();
}

namespace {

// `v` as the TEI gives it back once written.
FactCheck as_written(const FactCheck& v) {
  std::string note = written_note(v);
  pugi::xml_document tmp;
  if (!tmp.load_buffer(note.data(), note.size(), kParse, pugi::encoding_utf8))
    throw std::logic_error("a written fact-check note is not well-formed");
  return read_note(tmp.first_child());
}

Put replace(FactCheck& old, FactCheck&& w) {
  if (old == w) return Put::unchanged;
  old = std::move(w);
  return Put::updated;
}

// What same_key compares, as one string: each target and the reviewer, each after its length.
std::string key_of(const FactCheck& f) {
  std::string k;
  for (auto& t : f.targets) k += std::to_string(t.size()) + ':' + t;
  k += '|' + std::to_string(f.resp.size()) + ':' + f.resp;
  return k;
}

}  // namespace

Put put(StandOff& so, const FactCheck& v) {
  FactCheck w = as_written(v);
  auto& all = so.fact_checks;
  auto old = std::find_if(all.rbegin(), all.rend(), [&](const FactCheck& f) { return same_key(f, w); });
  if (old == all.rend()) {
    all.push_back(std::move(w));
    return Put::added;
  }
  return replace(*old, std::move(w));
}

Putter::Putter(StandOff& standoff) : so_(standoff) {
  for (std::size_t k = 0; k < so_.fact_checks.size(); ++k) last_[key_of(so_.fact_checks[k])] = k;
}

Put Putter::put(const FactCheck& v) {
  FactCheck w = as_written(v);
  auto [it, fresh] = last_.try_emplace(key_of(w), so_.fact_checks.size());
  if (fresh) {
    so_.fact_checks.push_back(std::move(w));
    return Put::added;
  }
  return replace(so_.fact_checks[it->second], std::move(w));
}

}  // namespace jatei::tei
