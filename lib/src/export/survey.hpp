// Internal to the exporters: a TEI document read a turn at a time (tei::read_blocks, or a
// Document in memory, the same way), and the first read that gathers what an export needs of
// the whole document (Facts) without holding it: jatei-export xliff and tbx.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "export/view.hpp"
#include "jatei/export.hpp"
#include "jatei/tei.hpp"

namespace jatei::xp {

// What an export needs of the whole document, gathered by a first read before anything is
// written (the XLIFF's units, the TBX's concepts): the header's facts, the participants, whether jatei-claims has run, the glossary
// (with the acronyms' full names), and which sentences the hedges cover with which cues. The
// sentences themselves are read again a block or a turn at a time (sentence_info).
struct Facts {
  SourceInfo source;
  std::vector<Person> persons;
  bool has_claims = false;
  std::vector<GlossaryEntry> glossary;
  std::map<std::string, std::size_t> entry_by_key;  // GlossaryEntry::key -> index in glossary
  // A covered sentence's id -> the hedges whose @corresp covers it (their index and id), in
  // document order, once a pointer.
  std::map<std::string, std::vector<std::pair<std::size_t, std::string>>> hedges_of;
  std::map<std::string, std::string> hedge_cues;  // a hedge's id -> its cues, quoted

  const Person* person(std::string_view id) const {
    for (auto& p : persons)
      if (p.id == id) return &p;
    return nullptr;
  }
  // As xp::View's.
  std::string speaker_name(const SentenceInfo& si) const { return jatei::xp::speaker_name(persons, si); }
  std::string speaker_role(const SentenceInfo& si) const { return jatei::xp::speaker_role(persons, si); }
  // The entry of a <term>: by its ref, else its surface form (a <term xml:id> is the entry of
  // its own ref or form, xml:ids being unique in a document).
  const GlossaryEntry* entry_of(const Span& span, std::string_view surface) const {
    std::string ref = span.attrs.value("ref");
    auto it = entry_by_key.find(ref.empty() ? "text:" + std::string(surface) : ref);
    return it == entry_by_key.end() ? nullptr : &glossary[it->second];
  }
};


inline std::string quoted_cues(const SentenceInfo& si) {
  std::string out;
  for (auto* c : si.cues()) {
    if (!out.empty()) out += ", ";
    out += "\u300C" + c->text + "\u300D";
  }
  return out;
}


// ---- the document a turn at a time -------------------------------------------------------------

// What is handed a document's sentences a turn at a time (a block outside any <sp> is a turn of
// nobody's), translations left out, in document order.
class Reader {
 public:
  virtual ~Reader() = default;
  virtual void begin(const Document& doc) = 0;
  // The sentences of one turn, numbered in the document; what they point at lives for the call.
  virtual void sentences(std::vector<SentenceInfo>&& sis) = 0;
  // After the last sentence, the document's tail (its stand-off), then end().
  virtual void tail(const Document&) {}
  virtual void end() {}
  // The reader starts again from the beginning (tei::BlockHandler::restart).
  virtual void restart() {}
};

inline std::vector<SentenceInfo> infos(const Division& d, const Turn& t, std::span<const Block> blocks, std::size_t& index) {
  std::vector<SentenceInfo> out;
  bool first = true;
  for (auto& b : blocks)
    for (auto& l : b.leaves)
      for (auto& p : l.pieces) {
        if (p.kind != Piece::Kind::sentence) continue;
        out.push_back(sentence_info(p.sentence, l, b, t, d, index++, t.spoken() && first));
        first = false;
      }
  return out;
}

// A document in memory.
inline void feed(const Document& doc, Reader& r) {
  r.begin(doc);
  std::size_t index = 0;
  for (auto& d : doc.divisions) {
    if (d.is_translation()) continue;
    for (auto& t : d.turns) r.sentences(infos(d, t, t.blocks, index));
  }
  r.tail(doc);
  r.end();
}

// A document read with tei::read_blocks.
class Blocks : public tei::BlockHandler {
 public:
  explicit Blocks(Reader& r) : r_(r) {}
  bool restarted = false;
  void begin(Document& doc) override {
    index_ = 0;
    r_.begin(doc);
  }
  void division(Division&& d) override { div_ = std::move(d); }
  void block(Block&& b, std::size_t) override {
    if (!div_.is_translation()) r_.sentences(infos(div_, nobody_, std::span<const Block>(&b, 1), index_));
  }
  void turn(Turn&& t) override {
    if (!div_.is_translation()) r_.sentences(infos(div_, t, t.blocks, index_));
  }
  void end(Document& doc) override {
    r_.tail(doc);
    r_.end();
  }
  void restart() override {
    restarted = true;
    index_ = 0;
    r_.restart();
  }

 private:
  Reader& r_;
  Division div_;
  const Turn nobody_{};
  std::size_t index_ = 0;
};

using Feed = std::function<void(Reader&)>;

// The acronyms' full names the text writes beside them: the first sentence that names each.
class AcronymScan : public Reader {
 public:
  explicit AcronymScan(std::set<std::string> want) : want_(std::move(want)) {}
  std::map<std::string, std::pair<std::string, std::string>> found;  // acronym -> name, sentence id
  void begin(const Document&) override {}
  void sentences(std::vector<SentenceInfo>&& sis) override {
    if (found.size() == want_.size()) return;
    for (auto& si : sis)
      for (auto& g : want_) {
        if (found.count(g)) continue;
        if (std::string name = name_beside(si.s->text, g); !name.empty()) found.emplace(g, std::make_pair(name, si.s->id));
      }
  }
  void restart() override { found.clear(); }

 private:
  std::set<std::string> want_;
};

// The first read: the Facts.
class Survey : public Reader {
 public:
  explicit Survey(const ExportOptions& o) : o_(o) { restart(); }
  void begin(const Document& doc) override {
    f_.source = source_info(doc);
    f_.persons = doc.header.persons;
  }
  void sentences(std::vector<SentenceInfo>&& sis) override {
    for (auto& si : sis) {
      if (!si.factuality.empty()) f_.has_claims = true;
      glossary_->add(si);
      if (si.covers.empty()) continue;
      for (auto& c : si.covers) f_.hedges_of[c].emplace_back(si.index, si.s->id);
      if (!si.s->id.empty()) f_.hedge_cues.emplace(si.s->id, quoted_cues(si));
    }
  }
  void restart() override {
    f_ = Facts();
    glossary_.emplace(o_);
  }
  // After the read: the glossary finished, the acronyms' names found (a second read, `again`, when
  // the text may write one beside its acronym).
  Facts facts(const Feed& again) {
    glossary_->finish(f_.source.lang);
    std::set<std::string> want = glossary_->acronyms_to_find();
    std::map<std::string, std::pair<std::string, std::string>> found;
    if (!want.empty()) {
      AcronymScan scan(std::move(want));
      again(scan);
      found = std::move(scan.found);
    }
    glossary_->expand([&](const std::string& g) -> std::pair<std::string, std::string> {
      auto it = found.find(g);
      return it == found.end() ? std::pair<std::string, std::string>() : it->second;
    });
    f_.glossary = std::move(glossary_->glossary);
    f_.entry_by_key = std::move(glossary_->by_key);
    glossary_.reset();
    return std::move(f_);
  }

 private:
  const ExportOptions& o_;
  Facts f_;
  std::optional<GlossaryBuilder> glossary_;
};

inline Facts gather(const ExportOptions& o, const Feed& feed) {
  Survey s(o);
  feed(s);
  return s.facts(feed);
}

// The Feed of a TEI document's bytes read a block at a time; `restarted` says, after a read,
// whether the reader started again on the whole document (a layout the stream does not take).
inline Feed blocks_of(std::string_view tei, const std::string& origin, bool& restarted) {
  return [tei, origin, &restarted](Reader& r) {
    Blocks b(r);
    tei::read_blocks(tei, origin, b);
    restarted = restarted || b.restarted;
  };
}

}  // namespace jatei::xp
