// TBX: reading TBX 2019 (the TBX-Basic samples and test files in ../shared/external/tbx) and
// TBX 2008 (martif), writing TBX-Basic that the core RNG and the TBX-Basic Schematron accept,
// round trips, and clear errors (line and column) for bad termbases.
// Skips (exit 77) without ../shared; the checks with external validators also need xmllint
// (libxml2) or jing, and java with Saxon for the Schematron.
#define BOOST_TEST_MODULE tbx
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "jatei/error.hpp"
#include "jatei/tbx.hpp"

using namespace jatei;

namespace {

const std::string kShared = JATEI_SHARED_DIR;
const std::string kTbx = kShared + "/external/tbx";

struct SharedOrSkip {
  SharedOrSkip() {
    if (!std::ifstream(kTbx + "/core/TBXcoreStructV03.rng").good()) {
      std::cerr << "test_tbx: " << kTbx << " not found; skipped\n";
      std::exit(77);
    }
  }
};
BOOST_TEST_GLOBAL_FIXTURE(SharedOrSkip);

bool have(const char* tool) {
  std::string cmd = std::string("command -v ") + tool + " >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

std::string temp_file(const std::string& content, const char* suffix = ".tbx") {
  std::string path = "/tmp/jatei-test-tbx-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()) + suffix;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// 0 = valid, 1 = invalid, -1 = no validator.
int relaxng(const std::string& file) {
  std::string rng = kTbx + "/core/TBXcoreStructV03.rng";
  std::string cmd;
  if (have("xmllint")) cmd = "xmllint --noout --relaxng '" + rng + "' '" + file + "' >/dev/null 2>&1";
  else if (have("jing")) cmd = "jing '" + rng + "' '" + file + "' >/dev/null 2>&1";
  else return -1;
  return std::system(cmd.c_str()) == 0 ? 0 : 1;
}

// The TBX-Basic Schematron through jing's Schematron support with Saxon (Debian: jing,
// libsaxonhe-java). 0 = valid, 1 = failed asserts, -1 = not available.
int schematron(const std::string& file) {
  const std::string jars = "/usr/share/java/jing.jar:/usr/share/java/Saxon-HE.jar:/usr/share/java/xercesImpl.jar";
  if (!have("java") || !std::ifstream("/usr/share/java/jing.jar").good() ||
      !std::ifstream("/usr/share/java/Saxon-HE.jar").good())
    return -1;
  std::string cmd = "java -cp " + jars + " com.thaiopensource.relaxng.util.Driver '" + kTbx +
                    "/basic-dialect/DCA/TBX-Basic_DCA.sch' '" + file + "' > /tmp/jatei-sch.out 2>&1";
  int rc = std::system(cmd.c_str());
  std::ifstream out("/tmp/jatei-sch.out");
  std::stringstream ss;
  ss << out.rdbuf();
  std::remove("/tmp/jatei-sch.out");
  if (ss.str().find("assertion failed") != std::string::npos) return 1;
  return rc == 0 ? 0 : 1;
}

// The DataError a reader throws for `xml`, as "LINE: message" ("" when none).
std::string error_of(const std::string& xml) {
  try {
    tbx::read(xml, "bad.tbx");
  } catch (const DataError& e) {
    return std::to_string(e.line()) + ": " + e.what();
  }
  return "";
}

const char* kHead =
    "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
    "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>\n<text><body>\n";
const char* kTail = "</body></text></tbx>\n";

}  // namespace

BOOST_AUTO_TEST_CASE(reads_the_tbx2019_sample) {
  tbx::Termbase tb = tbx::read_file(kTbx + "/samples/ja-en-ai-terms.tbx");
  BOOST_TEST(tb.version == 2019);
  BOOST_TEST(tb.dialect == "TBX-Basic");
  BOOST_TEST_REQUIRE(tb.concepts.size() == 2u);
  const tbx::Concept& c = tb.concepts[0];
  BOOST_TEST(c.id == "c1");
  BOOST_TEST(c.subject_field == "machine learning");
  BOOST_TEST(c.lang("ja")->terms[0].text == "蒸留");
  BOOST_TEST(c.lang("ja")->terms[0].part_of_speech == "noun");
  BOOST_TEST(c.lang("ja")->terms[0].context.find("蒸留(Distillation)") == 0u);
  BOOST_TEST(c.lang("en")->terms[0].status == "preferredTerm-admn-sts");
  BOOST_TEST(tb.concepts[1].lang("en")->terms[0].text == "base model");
}

BOOST_AUTO_TEST_CASE(reads_tbx2008_martif) {
  tbx::Termbase tb = tbx::read_file(kTbx + "/samples/ja-en-ai-terms.martif-tbx2008.tbx");
  BOOST_TEST(tb.version == 2008);
  BOOST_TEST_REQUIRE(tb.concepts.size() == 2u);
  BOOST_TEST(tb.concepts[0].lang("ja")->terms[0].text == "蒸留");
  BOOST_TEST(tb.concepts[0].lang("en")->terms[0].text == "distillation");
  BOOST_TEST(tb.concepts[1].lang("ja")->terms[0].text == "ベースモデル");
  // ntig/termGrp, the other TBX 2008 form.
  std::string ntig =
      "<martif type=\"TBX\" xml:lang=\"en\"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc>"
      "</martifHeader><text><body><termEntry id=\"e1\"><langSet xml:lang=\"ja\"><ntig><termGrp><term>推論</term>"
      "<termNote type=\"partOfSpeech\">noun</termNote></termGrp></ntig></langSet>"
      "<langSet xml:lang=\"en\"><tig><term>inference</term></tig></langSet></termEntry></body></text></martif>";
  tbx::Termbase n = tbx::read(ntig, "n.tbx");
  BOOST_TEST(n.concepts[0].lang("ja")->terms[0].text == "推論");
  BOOST_TEST(n.concepts[0].lang("ja")->terms[0].part_of_speech == "noun");
}

BOOST_AUTO_TEST_CASE(reads_the_good_test_files_and_rejects_the_bad) {
  for (auto f : {"basic_good.tbx", "core_structure_good.tbx", "min_good.tbx"}) {
    BOOST_TEST_CONTEXT(f) {
      tbx::Termbase tb = tbx::read_file(kTbx + "/test-files/" + f);
      BOOST_TEST(!tb.concepts.empty());
    }
  }
  for (auto f : {"basic_bad.tbx", "core_structure_bad.tbx"}) {
    BOOST_TEST_CONTEXT(f) {
      std::string msg;
      std::size_t line = 0;
      try {
        tbx::read_file(kTbx + "/test-files/" + f);
      } catch (const DataError& e) {
        msg = e.what();
        line = e.line();
      }
      BOOST_TEST(!msg.empty());
      BOOST_TEST(line > 0u);
    }
  }
  // The astronomy examples of the dialect.
  tbx::Termbase dca = tbx::read_file(kTbx + "/basic-dialect/DCA/Example_Astronomy_DCA_VALID.tbx");
  BOOST_TEST(dca.concepts.size() >= 2u);
  BOOST_TEST(dca.concepts[0].lang("en")->terms[0].text == "open cluster");
  tbx::Termbase dct = tbx::read_file(kTbx + "/basic-dialect/DCT/Example_Astronomy_DCT_VALID.tbx");
  BOOST_TEST(dct.concepts.size() == dca.concepts.size());
  BOOST_TEST(dct.concepts[0].lang("en")->terms[0].part_of_speech == "noun");
}

BOOST_AUTO_TEST_CASE(round_trip) {
  for (auto path : {kTbx + "/samples/ja-en-ai-terms.tbx", kTbx + "/samples/ja-en-ai-terms.martif-tbx2008.tbx",
                    std::string(JATEI_SOURCE_DIR) + "/corpora/termbase/ja-en-ai.tbx"}) {
    BOOST_TEST_CONTEXT(path) {
      tbx::Termbase a = tbx::read_file(path);
      std::string once = tbx::write(a);
      tbx::Termbase b = tbx::read(once, "once.tbx");
      std::string twice = tbx::write(b);
      BOOST_TEST(once == twice);
      BOOST_TEST(b.concepts.size() == a.concepts.size());
      for (std::size_t k = 0; k < a.concepts.size(); ++k) {
        BOOST_TEST(b.concepts[k].id == a.concepts[k].id);
        BOOST_TEST(b.concepts[k].langs.size() == a.concepts[k].langs.size());
        for (std::size_t l = 0; l < a.concepts[k].langs.size(); ++l) {
          auto& x = a.concepts[k].langs[l].terms;
          auto& y = b.concepts[k].langs[l].terms;
          BOOST_TEST_REQUIRE(x.size() == y.size());
          for (std::size_t t = 0; t < x.size(); ++t) {
            BOOST_TEST(x[t].text == y[t].text);
            BOOST_TEST(x[t].part_of_speech == y[t].part_of_speech);
            BOOST_TEST(x[t].term_type == y[t].term_type);
            BOOST_TEST(x[t].context == y[t].context);
          }
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(written_tbx_is_valid_core_and_tbx_basic) {
  // A termbase made in memory with every field the writer knows, and the team's termbase.
  tbx::Termbase tb;
  tb.title = "test";
  tbx::Concept c;
  c.id = "c1";
  c.subject_field = "machine learning";
  c.definition = "A definition & <markup>.";
  c.notes.push_back("A note.");
  c.source = "a source";
  tbx::Term ja;
  ja.text = "推論";
  ja.part_of_speech = "noun";
  ja.term_type = "fullForm";
  ja.status = "preferredTerm-admn-sts";
  ja.context = "強力な推論(reasoning)能力。";
  ja.source = "seed.txt#s25";
  ja.notes.push_back("term note");
  c.lang_add("ja").terms.push_back(ja);
  tbx::Term en;
  en.text = "reasoning";
  en.part_of_speech = "noun";
  c.lang_add("en").terms.push_back(en);
  tb.concepts.push_back(c);
  std::string mine = temp_file(tbx::write(tb));
  std::string team = std::string(JATEI_SOURCE_DIR) + "/corpora/termbase/ja-en-ai.tbx";
  std::string team_rewritten = temp_file(tbx::write(tbx::read_file(team)));
  for (auto& f : {mine, team, team_rewritten}) {
    BOOST_TEST_CONTEXT(f) {
      int r = relaxng(f);
      if (r < 0) BOOST_TEST_MESSAGE("no RELAX NG validator (xmllint, jing): skipped");
      else BOOST_TEST(r == 0);
      int s = schematron(f);
      if (s < 0) BOOST_TEST_MESSAGE("no Schematron validator (java + jing + Saxon): skipped");
      else BOOST_TEST(s == 0);
    }
  }
  // The validators do reject bad files (so a pass above means something).
  if (relaxng(kTbx + "/test-files/core_structure_bad.tbx") >= 0)
    BOOST_TEST(relaxng(kTbx + "/test-files/core_structure_bad.tbx") == 1);
  if (schematron(kTbx + "/test-files/basic_bad.tbx") >= 0) BOOST_TEST(schematron(kTbx + "/test-files/basic_bad.tbx") == 1);
  std::remove(mine.c_str());
  std::remove(team_rewritten.c_str());
}

BOOST_AUTO_TEST_CASE(what_is_written_is_read_back_whatever_the_part_of_speech) {
  // A termbase of another dialect may say "pronoun"; written as TBX-Basic it was refused when
  // read back (issue 11, row 10). The value now goes into a note, and the file reads back.
  std::string martif =
      "<martif type=\"TBX\" xml:lang=\"en\"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc>"
      "</martifHeader><text><body><termEntry id=\"e1\"><langSet xml:lang=\"ja\"><tig><term>彼</term>"
      "<termNote type=\"partOfSpeech\">pronoun</termNote><termNote type=\"termType\">nickname</termNote></tig></langSet>"
      "<langSet xml:lang=\"en\"><tig><term>he</term></tig></langSet></termEntry></body></text></martif>";
  tbx::Termbase tb = tbx::read(martif, "other.tbx");
  BOOST_TEST(tb.concepts[0].lang("ja")->terms[0].part_of_speech == "pronoun");
  std::string written = tbx::write(tb);
  tbx::Termbase back;
  BOOST_CHECK_NO_THROW(back = tbx::read(written, "written.tbx"));
  BOOST_REQUIRE(back.concepts.size() == 1u);
  const tbx::Term& t = back.concepts[0].lang("ja")->terms[0];
  BOOST_TEST(t.part_of_speech.empty());
  BOOST_TEST((t.notes == std::vector<std::string>{"partOfSpeech: pronoun", "termType: nickname"}));
  BOOST_TEST(tbx::write(back) != "");
}

BOOST_AUTO_TEST_CASE(a_root_in_the_wrong_namespace_or_a_second_root_is_refused) {
  std::string body = "<text><body><termEntry id=\"e1\"><langSet xml:lang=\"ja\"><tig><term>x</term></tig></langSet>"
                     "</termEntry></body></text>";
  // TBX 2008 has no namespace: a <martif> in one is another vocabulary (it was read).
  BOOST_TEST(error_of("<martif xmlns=\"urn:example:other\" type=\"TBX\">" + body + "</martif>").find("namespace") !=
             std::string::npos);
  BOOST_TEST(error_of("<m:martif xmlns:m=\"urn:example:other\" type=\"TBX\">" + body + "</m:martif>").find("namespace") !=
             std::string::npos);
  // A prefixed <tbx> is in the namespace its prefix names, not the default one.
  std::string tbx2019 = std::string(kHead) + "<conceptEntry id=\"c1\"><langSec xml:lang=\"ja\"><termSec><term>x</term>"
                        "</termSec></langSec></conceptEntry>" + kTail;
  BOOST_CHECK_NO_THROW(tbx::read(tbx2019, "ok.tbx"));
  std::string other = tbx2019;
  other.replace(other.find("<tbx "), 5, "<o:tbx xmlns:o=\"urn:example:other\" ");
  other.replace(other.rfind("</tbx>"), 6, "</o:tbx>");
  BOOST_TEST(error_of(other).find("namespace") != std::string::npos);
  BOOST_TEST(error_of("<martif type=\"TBX\">" + body + "</martif><martif/>").find("more than one root") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_termbases_say_where_and_what) {
  auto entry = [](const std::string& body) { return std::string(kHead) + body + kTail; };
  BOOST_TEST(error_of("<tbx><unclosed></tbx>").find("malformed XML") != std::string::npos);
  BOOST_TEST(error_of("<?xml version=\"1.0\"?>\n<TEI/>").find("2: not a TBX termbase") == 0u);
  BOOST_TEST(error_of("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\"><text/></tbx>").find("namespace") != std::string::npos);
  // Line 5 is the first line of the body.
  BOOST_TEST(error_of(entry("<conceptEntry><langSec xml:lang=\"ja\"><termSec><term>x</term></termSec></langSec></conceptEntry>"))
                 .find("5: <conceptEntry> without an id") == 0u);
  BOOST_TEST(error_of(entry("<conceptEntry id=\"c1\"><langSec xml:lang=\"ja\"><termSec><term>x</term></termSec></langSec></conceptEntry>\n"
                            "<conceptEntry id=\"c1\"><langSec xml:lang=\"ja\"><termSec><term>y</term></termSec></langSec></conceptEntry>"))
                 .find("6: duplicate entry id \"c1\"") == 0u);
  BOOST_TEST(error_of(entry("<conceptEntry id=\"c1\"><langSec><termSec><term>x</term></termSec></langSec></conceptEntry>"))
                 .find("without xml:lang") != std::string::npos);
  BOOST_TEST(error_of(entry("<conceptEntry id=\"c1\"><langSec xml:lang=\"ja\"><termSec><term></term></termSec></langSec></conceptEntry>"))
                 .find("empty <term>") != std::string::npos);
  BOOST_TEST(error_of(entry("<conceptEntry id=\"c1\"><langSec xml:lang=\"ja\"><termSec><term>x</term><term>y</term></termSec></langSec></conceptEntry>"))
                 .find("more than one <term>") != std::string::npos);
  BOOST_TEST(error_of(entry("<conceptEntry id=\"c1\"><langSec xml:lang=\"ja\"><termSec><termNote type=\"partOfSpeech\">noun</termNote></termSec></langSec></conceptEntry>"))
                 .find("without a <term>") != std::string::npos);
  std::string pos = error_of(entry("<conceptEntry id=\"c1\"><langSec xml:lang=\"ja\">\n<termSec><term>推論</term>\n"
                                   "<termNote type=\"partOfSpeech\">名詞</termNote></termSec></langSec></conceptEntry>"));
  BOOST_TEST(pos.find("7: TBX-Basic does not allow partOfSpeech \"名詞\"") == 0u, pos);
  BOOST_TEST(error_of(entry("<conceptEntry id=\"c1\"><langSec xml:lang=\"ja\"><termSec><term>x</term>"
                            "<descrip type=\"definition\">d</descrip></termSec></langSec></conceptEntry>"))
                 .find("definition only at the conceptEntry or langSec level") != std::string::npos);
  BOOST_TEST(error_of(entry("<conceptEntry id=\"c1\"></conceptEntry>")).find("has no <langSec>") != std::string::npos);
  BOOST_TEST(error_of("<!DOCTYPE tbx [<!ENTITY x \"y\">]><tbx/>").find("entity") != std::string::npos);
  // A missing file is an I/O error (exit 66), not a data error.
  bool io = false;
  try {
    tbx::read_file("/nonexistent/termbase.tbx");
  } catch (const IoError& e) {
    io = e.exit_code() == exit_noinput;
  }
  BOOST_TEST(io);
}

// An empty termbase (jatei-terms --candidates with no pair): TBX 2019 wants a conceptEntry in a
// <body> but allows a <text> without one; what is written is read back.
BOOST_AUTO_TEST_CASE(an_empty_termbase_has_no_body_and_reads_back) {
  tbx::Termbase tb;
  tb.title = "nothing";
  std::string xml = tbx::write(tb);
  BOOST_TEST(xml.find("<body") == std::string::npos);
  BOOST_TEST(xml.find("<text") != std::string::npos);
  tbx::Termbase back = tbx::read(xml, "empty.tbx");
  BOOST_TEST(back.concepts.empty());
  BOOST_TEST(back.title == "nothing");
}

// The writer escapes through the project's one escaper (tei/escape.hpp), as the TEI, XLIFF and
// HTML writers do, in the layout the files have always had. A CR in a note is written as &#13;
// and read back as a CR (pugixml's serialiser, used before, printed it raw: a parser reads a raw
// CR as a line feed).
BOOST_AUTO_TEST_CASE(the_writer_escapes_as_every_writer_does) {
  tbx::Termbase tb;
  tb.title = "a < b & c > d";
  tbx::Concept c;
  c.id = "c\"1";
  tbx::LangSection ja{"ja", {}, {}};
  tbx::Term t;
  t.text = "<推論>";
  t.notes.push_back("line one\rline two");
  ja.terms.push_back(t);
  c.langs.push_back(ja);
  tb.concepts.push_back(c);
  std::string xml = tbx::write(tb);
  BOOST_TEST(xml ==
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
             "  <tbxHeader>\n"
             "    <fileDesc>\n"
             "      <titleStmt>\n"
             "        <title>a &lt; b &amp; c &gt; d</title>\n"
             "      </titleStmt>\n"
             "      <sourceDesc>\n"
             "        <p>Termbase written by jatei.</p>\n"
             "      </sourceDesc>\n"
             "    </fileDesc>\n"
             "  </tbxHeader>\n"
             "  <text>\n"
             "    <body>\n"
             "      <conceptEntry id=\"c&quot;1\">\n"
             "        <langSec xml:lang=\"ja\">\n"
             "          <termSec>\n"
             "            <term>&lt;推論&gt;</term>\n"
             "            <note>line one&#13;line two</note>\n"
             "          </termSec>\n"
             "        </langSec>\n"
             "      </conceptEntry>\n"
             "    </body>\n"
             "  </text>\n"
             "</tbx>\n");
  tbx::Termbase back = tbx::read(xml, "escaped.tbx");
  BOOST_TEST(back.title == tb.title);
  BOOST_TEST(back.concepts[0].id == "c\"1");
  BOOST_TEST(back.concepts[0].lang("ja")->terms[0].text == "<推論>");
}
