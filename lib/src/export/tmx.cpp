// TMX 1.4b: the finished translation as a translation memory for the next job. One <tu> per
// source sentence that has a translation (jatei-merge's <div type="translation">), its TEI id
// as @tuid and as a <prop>, who speaks it as a <prop>; the source and the translation as plain
// text, one <tuv> each. OmegaT reads it from a project's tm/ folder, translate-toolkit through
// its TMX store.
#include "export/view.hpp"
#include "jatei/error.hpp"
#include "jatei/export.hpp"
#include "jatei/segment.hpp"

namespace jatei {

std::string export_tmx(const Document& doc, const ExportOptions& options) {
  xp::View v(doc, options);
  auto it = v.translations.find(options.target_lang);
  if (it == v.translations.end()) {
    std::string have;
    for (auto& [lang, map] : v.translations) have += (have.empty() ? "" : ", ") + lang;
    throw DataError("the document has no translation into '" + options.target_lang + "'" +
                    (have.empty() ? std::string(" (merge a translated XLIFF first: jatei-merge xliff)")
                                  : " (it has: " + have + "; choose one with --target-lang)"));
  }
  const auto& translation = it->second;
  std::string src_lang = v.source.lang.empty() ? "ja" : v.source.lang;

  xp::XmlOut x;
  x.open("tmx", {{"version", "1.4"}});
  x.open("header", {{"creationtool", "jatei"},
                    {"creationtoolversion", kVersion},
                    {"segtype", "sentence"},
                    {"o-tmf", "jatei TEI"},
                    {"adminlang", "en"},
                    {"srclang", src_lang},
                    {"datatype", "plaintext"}});
  std::string about = "Source: " + (v.source.title.empty() ? v.source.file : v.source.title);
  if (!v.source.url.empty()) about += " <" + v.source.url + ">";
  if (!v.source.sha256.empty()) about += "; sha256 " + v.source.sha256;
  about += ". One translation unit per sentence: its TEI id and speaker are properties.";
  x.leaf("note", about);
  x.close();
  x.open("body");
  for (auto& si : v.sentences) {
    auto t = translation.find(si.s->id);
    if (si.s->id.empty() || t == translation.end()) continue;
    x.open("tu", {{"tuid", si.s->id}});
    x.leaf("prop", si.s->id, {{"type", "x-sentence-id"}});
    if (si.turn && si.turn->spoken()) {
      x.leaf("prop", v.speaker_name(si), {{"type", "x-speaker"}});
      if (std::string role = v.speaker_role(si); !role.empty()) x.leaf("prop", role, {{"type", "x-speaker-role"}});
    }
    if (si.leaf && !si.leaf->id.empty()) x.leaf("prop", si.leaf->id, {{"type", "x-block-id"}});
    x.open("tuv", {{"xml:lang", src_lang}});
    x.leaf("seg", si.s->text);
    x.close();
    x.open("tuv", {{"xml:lang", options.target_lang}});
    x.leaf("seg", t->second);
    x.close();
    x.close();
  }
  x.close();
  return x.finish();
}

}  // namespace jatei
