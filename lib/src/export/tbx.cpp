// TBX for translators: the document's glossary. Each concept is a termbase entry the text
// points at (<term ref>) or a term without one; its Japanese forms are the ones the text uses
// (the first with its sentence as context), its English the article's own glosses and then the
// termbase's, each saying where it comes from.
//
// TBX 2019 is written by jatei-terms' writer (tbx::write: TBX-Basic, DCA style, valid against
// the core RNG and the TBX-Basic Schematron), from a tbx::Termbase built here. TBX 2008
// (<martif>, tig) is written here: tbx::write has no 2008 form, and OmegaT and translate-toolkit
// read only that one.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "export/survey.hpp"
#include "export/view.hpp"
#include "jatei/error.hpp"
#include "jatei/export.hpp"
#include "jatei/tbx.hpp"

namespace jatei {
namespace {

using xp::XmlOut;

std::string about(const xp::SourceInfo& source) {
  std::string s = "Glossary of the terms and in-text glosses of ";
  s += source.title.empty() ? "the article" : "\u300C" + source.title + "\u300D";
  if (!source.file.empty() && source.file != "-") s += " (" + source.file + ")";
  if (!source.sha256.empty()) s += ", sha256 " + source.sha256;
  s += ". Written by jatei-export from the annotated TEI.";
  return s;
}

// The text of the sentence with this id (the first that has it), or nullptr.
using ContextOf = std::function<const std::string*(const std::string& id)>;

// The glossary as a termbase: what both versions write. Each concept's first form has the text
// of the first sentence it occurs in as its context.
tbx::Termbase glossary_termbase(const xp::SourceInfo& source, const std::vector<xp::GlossaryEntry>& glossary,
                                const ContextOf& context_of, const ExportOptions& o) {
  tbx::Termbase tb;
  tb.title = "Glossary: " + (source.title.empty() ? source.file : source.title);
  tb.description = about(source);
  tb.lang = o.target_lang;
  for (auto& e : glossary) {
    tbx::Concept c;
    c.id = e.concept_id;
    c.definition = e.definition();
    c.source = e.ref;
    if (std::string note = e.note(); !note.empty()) c.notes.push_back(note);
    std::string context, context_id;
    if (!e.sentence_ids.empty())
      if (const std::string* text = context_of(e.sentence_ids.front())) {
        context = *text;
        context_id = e.sentence_ids.front();
      }
    tbx::LangSection ja{source.lang, {}, {}};
    for (std::size_t i = 0; i < e.forms.size(); ++i) {
      tbx::Term t;
      t.text = e.forms[i];
      if (i == 0) t.context = context;
      ja.terms.push_back(std::move(t));
    }
    for (auto& syn : e.synonyms) {
      if (std::find(e.forms.begin(), e.forms.end(), syn) != e.forms.end()) continue;
      tbx::Term t;
      t.text = syn;
      t.notes.push_back("A synonym the text gives in parentheses.");
      ja.terms.push_back(std::move(t));
    }
    c.langs.push_back(std::move(ja));
    auto translations = e.translations();
    if (!translations.empty()) {
      tbx::LangSection en{o.target_lang, {}, {}};
      for (auto& tr : translations) {
        tbx::Term t;
        t.text = tr;
        bool in_text = std::find(e.english.begin(), e.english.end(), tr) != e.english.end();
        // An acronym the term is glossed with, and its full name (the text's, else the acronym
        // list's): the name is what a translator writes on first mention.
        const xp::GlossaryEntry::Expansion* full = e.expansion_named(tr);
        if (e.expansion_of(tr)) t.term_type = "acronym";
        else if (full) t.term_type = "fullForm";
        if (in_text) t.source = "gloss in the text (" + context_id + ")";
        else if (full) t.source = full->source;
        else t.source = e.termbase_name;
        if (full) t.notes.push_back("The full name of " + full->acronym + ".");
        std::string pos = e.part_of_speech();
        if (!in_text && !full && tbx::basic_picklist_allows("partOfSpeech", pos)) t.part_of_speech = pos;
        en.terms.push_back(std::move(t));
      }
      c.langs.push_back(std::move(en));
    }
    tb.concepts.push_back(std::move(c));
  }
  return tb;
}

std::string martif(const tbx::Termbase& tb) {
  XmlOut x;
  x.open("martif", {{"type", "TBX-Basic"}, {"xml:lang", tb.lang}});
  x.open("martifHeader");
  x.open("fileDesc");
  if (!tb.title.empty()) {
    x.open("titleStmt");
    x.leaf("title", tb.title);
    x.close();
  }
  x.open("sourceDesc");
  x.leaf("p", tb.description);
  x.close();
  x.close();
  x.open("encodingDesc");
  x.leaf("p", "TBXBasicXCSV02.xcs", {{"type", "XCSURI"}});
  x.close();
  x.close();
  x.open("text");
  x.open("body");
  for (auto& c : tb.concepts) {
    x.open("termEntry", {{"id", c.id}});
    if (!c.definition.empty()) x.leaf("descrip", c.definition, {{"type", "definition"}});
    if (!c.source.empty()) x.leaf("admin", c.source, {{"type", "source"}});
    for (auto& n : c.notes) x.leaf("note", n);
    for (auto& ls : c.langs) {
      x.open("langSet", {{"xml:lang", ls.lang}});
      for (auto& t : ls.terms) {
        x.open("tig");
        x.leaf("term", t.text);
        // <martif type="TBX-Basic">: a part of speech outside its picklist (which a reader refuses,
        // ours too) is said in a note instead.
        bool pos_ok = tbx::basic_picklist_allows("partOfSpeech", t.part_of_speech);
        if (!t.part_of_speech.empty() && pos_ok) x.leaf("termNote", t.part_of_speech, {{"type", "partOfSpeech"}});
        if (!t.term_type.empty()) x.leaf("termNote", t.term_type, {{"type", "termType"}});
        if (!t.context.empty()) x.leaf("descrip", t.context, {{"type", "context"}});
        if (!t.source.empty()) x.leaf("admin", t.source, {{"type", "source"}});
        for (auto& n : t.notes) x.leaf("note", n);
        if (!t.part_of_speech.empty() && !pos_ok) x.leaf("note", "partOfSpeech: " + t.part_of_speech);
        x.close();
      }
      x.close();
    }
    x.close();
  }
  return x.finish();
}

// Either version of the termbase.
std::string written(const tbx::Termbase& tb, const ExportOptions& options) {
  if (options.tbx_version == TbxVersion::v2008) {
    // TBX 2008 has no form for an empty glossary: its <text> needs a <body> and a body a
    // <termEntry>. Nothing rather than a file its readers' schema rejects.
    if (tb.concepts.empty())
      throw DataError("the document has no terms: TBX 2008 cannot hold an empty glossary (its <body> needs a "
                      "<termEntry>); TBX 2019 can (--tbx 2019)");
    return martif(tb);
  }
  return tbx::write(tb);  // an empty glossary has no <body>, as TBX 2019 allows
}

// The texts of the sentences a second read is asked for: the first sentence of each id.
class ContextScan : public xp::Reader {
 public:
  explicit ContextScan(std::set<std::string> want) : want_(std::move(want)) {}
  std::map<std::string, std::string> found;
  void begin(const Document&) override {}
  void sentences(std::vector<xp::SentenceInfo>&& sis) override {
    for (auto& si : sis)
      if (want_.count(si.s->id)) found.emplace(si.s->id, si.s->text);
  }
  void restart() override { found.clear(); }

 private:
  std::set<std::string> want_;
};

}  // namespace

std::string export_tbx(const Document& doc, const ExportOptions& options) {
  xp::View v(doc, options);
  return written(glossary_termbase(
                     v.source, v.glossary,
                     [&](const std::string& id) -> const std::string* {
                       const xp::SentenceInfo* si = v.find(id);
                       return si ? &si->s->text : nullptr;
                     },
                     options),
                 options);
}

std::string write_tbx(std::string_view tei, const std::string& origin, const ExportOptions& options) {
  bool restarted = false;
  xp::Feed blocks = xp::blocks_of(tei, origin, restarted);
  xp::Facts f = xp::gather(options, blocks);  // the input's errors first
  std::set<std::string> want;
  for (auto& e : f.glossary)
    if (!e.sentence_ids.empty() && !e.sentence_ids.front().empty()) want.insert(e.sentence_ids.front());
  std::map<std::string, std::string> found;
  if (!want.empty()) {
    ContextScan scan(std::move(want));
    blocks(scan);
    found = std::move(scan.found);
  }
  return written(glossary_termbase(
                     f.source, f.glossary,
                     [&](const std::string& id) -> const std::string* {
                       auto it = found.find(id);
                       return it == found.end() ? nullptr : &it->second;
                     },
                     options),
                 options);
}

}  // namespace jatei
