#include "jatei/document.hpp"

#include <algorithm>

namespace jatei {

const std::string* Attrs::get(std::string_view name) const {
  for (auto& a : list_)
    if (a.name == name) return &a.value;
  return nullptr;
}

std::string Attrs::value(std::string_view name) const {
  const std::string* v = get(name);
  return v ? *v : std::string();
}

void Attrs::set(std::string_view name, std::string_view value) {
  for (auto& a : list_) {
    if (a.name == name) {
      a.value = std::string(value);
      return;
    }
  }
  list_.push_back({std::string(name), std::string(value)});
}

bool Attrs::erase(std::string_view name) {
  auto it = std::find_if(list_.begin(), list_.end(), [&](const Attr& a) { return a.name == name; });
  if (it == list_.end()) return false;
  list_.erase(it);
  return true;
}

std::string_view to_string(BlockKind k) {
  switch (k) {
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::list: return "list";
    case BlockKind::quote: return "quote";
    case BlockKind::figure: return "figure";
    case BlockKind::trailer: return "trailer";
    case BlockKind::byline: return "byline";
    case BlockKind::head: return "head";
    case BlockKind::code: return "code";
    case BlockKind::note: return "note";
    case BlockKind::opaque: return "opaque";
  }
  return "paragraph";
}

void Document::add_application(std::string_view ident, std::string_view version) {
  for (auto& a : header.applications) {
    if (a.ident == ident) {
      a.version = std::string(version);
      return;
    }
  }
  header.applications.push_back({std::string(ident), std::string(version), {}, {}});
}

std::vector<Sentence*> Document::sentences() {
  std::vector<Sentence*> out;
  for (auto* leaf : leaves())
    for (auto& p : leaf->pieces)
      if (p.kind == Piece::Kind::sentence) out.push_back(&p.sentence);
  return out;
}

std::vector<const Sentence*> Document::sentences() const {
  std::vector<const Sentence*> out;
  for (auto* leaf : leaves())
    for (auto& p : leaf->pieces)
      if (p.kind == Piece::Kind::sentence) out.push_back(&p.sentence);
  return out;
}

std::vector<Leaf*> Document::leaves() {
  std::vector<Leaf*> out;
  for (auto& d : divisions)
    if (!d.is_translation())
      for (auto& t : d.turns)
      for (auto& b : t.blocks)
        for (auto& l : b.leaves) out.push_back(&l);
  return out;
}

std::vector<const Leaf*> Document::leaves() const {
  std::vector<const Leaf*> out;
  for (auto& d : divisions)
    if (!d.is_translation())
      for (auto& t : d.turns)
      for (auto& b : t.blocks)
        for (auto& l : b.leaves) out.push_back(&l);
  return out;
}

std::string leaf_text(const Leaf& leaf) {
  std::string out;
  for (auto& p : leaf.pieces) {
    if (p.kind == Piece::Kind::sentence) out += p.sentence.text;
    else if (p.kind == Piece::Kind::text) out += p.text;
  }
  return out;
}

namespace {

// Each piece of the source text in order, to `add` (Document::text()).
template <class Add>
void each_text_piece(const Turn& t, Add&& add) {
  bool first_leaf = true;
  for (auto& b : t.blocks) {
    if (b.kind == BlockKind::opaque) {
      add(b.lead);
      continue;
    }
    for (auto& l : b.leaves) {
      add(l.lead);
      if (first_leaf && t.speaker) add(*t.speaker);
      first_leaf = false;
      for (auto& p : l.pieces) {
        if (p.kind == Piece::Kind::sentence) add(p.sentence.text);
        else if (p.kind == Piece::Kind::text) add(p.text);
      }
    }
  }
}

template <class Add>
void each_text_piece(const Document& doc, Add&& add) {
  for (auto& d : doc.divisions) {
    if (d.is_translation()) continue;  // not the source: jatei-text gives back the source only
    for (auto& t : d.turns) each_text_piece(t, add);
  }
  add(doc.tail);
}

}  // namespace

void append_text(std::string& out, const Turn& t) {
  each_text_piece(t, [&](const std::string& s) { out += s; });
}

std::string Document::text() const {
  // Measured first, so the text is made in one allocation of its size (not grown by doubling).
  std::size_t size = 0;
  each_text_piece(*this, [&](const std::string& s) { size += s.size(); });
  std::string out;
  out.reserve(size);
  each_text_piece(*this, [&](const std::string& s) { out += s; });
  return out;
}

}  // namespace jatei
