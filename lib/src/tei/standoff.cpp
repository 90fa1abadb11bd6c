// Fact-check verdicts in <standOff>: read into FactChecks, and put in as
// <listAnnotation type="factcheck"><note type="factcheck" …> with the indentation of a
// pretty-printed file, the rest of the stand-off kept as it was.
#include "jatei/standoff.hpp"

#include <pugixml.hpp>

#include <sstream>
#include <stdexcept>
#include <string_view>

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
  for (auto c : note.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      v.text += c.value();
    } else if (std::string_view(c.name()) == "ref") {
      if (v.url.empty()) v.url = c.attribute("target").value();
    } else if (c.type() == pugi::node_element && std::string_view(c.name()) == "date" && c.attribute("when")) {
      if (v.date.empty()) v.date = c.attribute("when").value();
      // The date of the check is written <date when="D">D</date>: not part of the note.
      if (xml_input::squash_space(xml_input::text_of(c)) != c.attribute("when").value()) v.text += xml_input::text_of(c);
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
  return ss.str();
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

}  // namespace

std::vector<FactCheck> fact_checks(const std::string& standoff) {
  std::vector<FactCheck> out;
  if (standoff.empty()) return out;
  pugi::xml_document sd;
  if (!sd.load_buffer(standoff.data(), standoff.size(), kParse, pugi::encoding_utf8)) return out;
  for (auto list : sd.child("standOff").children("listAnnotation"))
    for (auto note : list.children("note"))
      if (std::string_view(note.attribute("type").value()) == "factcheck") out.push_back(read_note(note));
  return out;
}

struct StandOff::Impl {
  pugi::xml_document doc;
  pugi::xml_node standoff, list;  // list: made on the first put()
};

StandOff::StandOff(const std::string& standoff) : impl_(std::make_unique<Impl>()) {
  if (!standoff.empty()) {
    if (!impl_->doc.load_buffer(standoff.data(), standoff.size(), kParse, pugi::encoding_utf8))
      throw std::logic_error("stored standOff is not well-formed");
  } else {
    impl_->doc.append_child("standOff").append_child(pugi::node_pcdata).set_value("\n  ");
  }
  impl_->standoff = impl_->doc.child("standOff");
}

StandOff::~StandOff() = default;

StandOff::Put StandOff::put(const FactCheck& v) {
  pugi::xml_node& list = impl_->list;
  if (!list) list = impl_->standoff.find_child_by_attribute("listAnnotation", "type", "factcheck");
  if (!list) {
    pugi::xml_document tmp;
    pugi::xml_node l = tmp.append_child("listAnnotation");
    l.append_attribute("type") = "factcheck";
    append_indented(impl_->standoff, l, "    ", "  ");
    list = impl_->standoff.find_child_by_attribute("listAnnotation", "type", "factcheck");
  }
  pugi::xml_document tmp;
  pugi::xml_node note = tmp.append_child("note");
  write_note(note, v);
  const std::string target = pointers(v.targets), resp = "#" + v.resp;
  pugi::xml_node old;
  for (auto n : list.children("note"))
    if (std::string_view(n.attribute("type").value()) == "factcheck" && n.attribute("target").value() == target &&
        n.attribute("resp").value() == resp)
      old = n;
  if (!old) {
    append_indented(list, note, "      ", "    ");
    return Put::added;
  }
  if (raw(old) == raw(note)) return Put::unchanged;
  list.insert_copy_after(note, old);
  list.remove_child(old);
  return Put::updated;
}

std::string StandOff::xml() const { return raw(impl_->standoff); }

}  // namespace jatei::tei
