// The stage contract (jatei/pipeline.hpp): every stage configured from one StageConfig, a
// user's --rules reaching the speaker stage's label finder, unknown names in data files
// refused with the file and line, one --explain channel.
#define BOOST_TEST_MODULE pipeline
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "jatei/claims.hpp"
#include "jatei/error.hpp"
#include "jatei/pipeline.hpp"
#include "jatei/speakers.hpp"
#include "jatei/tei.hpp"
#include "jatei/terms.hpp"

using namespace jatei;

namespace {

// A data file in a fresh temporary folder, removed at the end of the test.
struct TempFile {
  std::filesystem::path path;
  TempFile(const std::string& name, const std::string& text) {
    path = std::filesystem::temp_directory_path() / ("jatei-pipeline-" + std::to_string(getpid()) + "-" + name);
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
  std::string str() const { return path.string(); }
};

const Stage& stage(const std::string& name) {
  for (auto& s : document_stages())
    if (s.name == name) return s;
  throw std::logic_error(name);
}

// The message of the DataError `f` throws ("" when none).
template <class F>
std::string data_error(F&& f) {
  try {
    f();
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

const char* kDialogue =
    "司会：今日はよろしくお願いします。\n"
    "田中：よろしくお願いします。\n"
    "司会：最初の質問です。最近どうですか。\n"
    "田中：忙しくしています。\n";

Document segmented(const std::string& text) {
  SegmentOptions o;
  o.source_name = "test.txt";
  return segment_text(text, o);
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_stage_declares_its_options_and_configures_from_one_config) {
  BOOST_TEST(stage_names() == (std::vector<std::string>{"segment", "speakers", "claims", "terms"}));
  auto has = [](const Stage& s, const std::string& option) {
    for (auto& o : s.options)
      if (o.name == option) return true;
    return false;
  };
  BOOST_TEST(has(stage("speakers"), "rules"));
  BOOST_TEST(has(stage("speakers"), "weights"));
  BOOST_TEST(has(stage("claims"), "lexicon"));
  BOOST_TEST(has(stage("claims"), "gazetteer"));
  BOOST_TEST(has(stage("terms"), "termbase"));
  BOOST_TEST(segment_options().at(0).name == "rules");
  // With no values, each configured stage does what its library call with defaults does.
  StageConfig none;
  Document a = segmented(kDialogue), b = a;
  for (auto& s : document_stages()) s.configure(none)(a, nullptr);
  annotate_speakers(b);
  claims::annotate(b);
  terms::Annotator::default_instance().annotate(b);
  BOOST_TEST(tei::write(a) == tei::write(b));
}

BOOST_AUTO_TEST_CASE(explain_is_one_channel) {
  std::ostringstream why;
  Document doc = segmented(kDialogue);
  Pipeline({}, {"speakers"}).annotate(doc, &why);
  BOOST_TEST(!why.str().empty());
  std::ostringstream none;
  Document quiet = segmented(kDialogue);
  Pipeline({}, {"segment"}).annotate(quiet, &none);  // no document stage: nothing to say
  BOOST_TEST(none.str().empty());
}

BOOST_AUTO_TEST_CASE(user_rules_reach_find_speaker_label) {
  const std::string line = "編集部：ありがとうございました。";
  BOOST_TEST_REQUIRE(find_speaker_label(line, SpeakerModel::builtin()).has_value());
  // A credit cue in a --rules file: segmentation's [caption] section (a caption is never a label).
  TempFile rules("credit.rules", "[caption]\n編集部：\n");
  StageConfig c;
  c.values["rules"] = {rules.str()};
  SpeakerModel m = SpeakerModel::builtin();
  auto seg = std::make_shared<Rules>(rules_from(c, Rules::builtin()));
  BOOST_TEST(seg->matches_prefix("caption", line) > 0);
  m.set_segment_rules(seg);
  BOOST_TEST(!find_speaker_label(line, m).has_value());
  // The same through the registered stage: the line is no turn of a speaker called 編集部.
  std::string text = std::string(kDialogue) + line + "\n司会：では次に。\n田中：はい。\n";
  Document with = segmented(text), without = with;
  stage("speakers").configure(c)(with, nullptr);
  stage("speakers").configure({})(without, nullptr);
  BOOST_TEST(tei::write(without).find("<speaker>編集部：</speaker>") != std::string::npos);
  BOOST_TEST(tei::write(with).find("<speaker>編集部：</speaker>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_rules_file_is_split_between_the_stages_that_read_it) {
  TempFile rules("both.rules", "[byline]\n監修：\n[honorific]\n殿下\n");
  StageConfig c;
  c.values["rules"] = {rules.str()};
  Rules seg = rules_from(c, Rules::builtin());
  BOOST_TEST(seg.matches_prefix("byline", "監修：誰か") > 0);
  BOOST_TEST(seg.section("honorific").empty());  // the speaker stage's section stays there
  Rules spk = rules_from(c, SpeakerModel::builtin().cues());
  BOOST_TEST(spk.section("byline").empty());
  bool found = false;
  for (auto& e : spk.section("honorific")) found = found || e.pattern == "殿下";
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(unknown_names_in_data_files_are_data_errors_with_file_and_line) {
  TempFile section("typo.rules", "# comment\n[byline]\n監修：\n[bylne]\n編集：\n");
  StageConfig c;
  c.values["rules"] = {section.str()};
  std::string msg = data_error([&] { Pipeline(c, {}); });
  BOOST_TEST(msg.find(section.str() + ":4:") == 0, msg);
  BOOST_TEST(msg.find("[bylne]") != std::string::npos, msg);

  TempFile weights("typo.weights", "[transition]\nswitch 1.0\nswich 2.0\n");
  StageConfig w;
  w.values["weights"] = {weights.str()};
  msg = data_error([&] { stage("speakers").configure(w); });
  BOOST_TEST(msg.find(weights.str() + ":3:") == 0, msg);
  BOOST_TEST(msg.find("transition.swich") != std::string::npos, msg);

  TempFile cues("typo.tsv", "# my cues\nと睨んでいる\tspeculation/thnik\t0.8\tsuspects\n");
  StageConfig l;
  l.values["lexicon"] = {cues.str()};
  msg = data_error([&] { stage("claims").configure(l); });
  BOOST_TEST(msg.find(cues.str() + ":2:") == 0, msg);
  BOOST_TEST(msg.find("thnik") != std::string::npos, msg);
  // A known kind is taken.
  TempFile good("good.tsv", "と睨んでいる\tspeculation/think\t0.8\tsuspects\n");
  l.values["lexicon"] = {good.str()};
  BOOST_CHECK_NO_THROW(stage("claims").configure(l));
}

BOOST_AUTO_TEST_CASE(a_missing_data_file_is_an_io_error) {
  StageConfig c;
  c.values["gazetteer"] = {"/nonexistent/names.tsv"};
  BOOST_CHECK_THROW(stage("claims").configure(c), IoError);
}

BOOST_AUTO_TEST_CASE(split_names_takes_every_comma_and_keeps_empty_names) {
  using V = std::vector<std::string>;
  BOOST_TEST(jatei::split_names("先生,サルくん") == (V{"先生", "サルくん"}), boost::test_tools::per_element());
  BOOST_TEST(jatei::split_names(" 小池 、吉岡，\t中西 ") == (V{"小池", "吉岡", "中西"}), boost::test_tools::per_element());
  BOOST_TEST(jatei::split_names("a,,b") == (V{"a", "", "b"}), boost::test_tools::per_element());
  BOOST_TEST(jatei::split_names(",,") == (V{"", "", ""}), boost::test_tools::per_element());
  BOOST_TEST(jatei::split_names("") == (V{""}), boost::test_tools::per_element());
  BOOST_TEST(jatei::split_names("山田 太郎") == (V{"山田 太郎"}), boost::test_tools::per_element());
}
