// Unit tests for jatei/decode.hpp: encoding detection and override, line-end normalisation,
// invalid input (exact byte offsets), replacement, XML-forbidden characters, SHA-256.
#define BOOST_TEST_MODULE decode
#include <boost/test/unit_test.hpp>

#include <unicode/ucnv.h>

#include <string>
#include <utility>
#include <vector>

#include "jatei/decode.hpp"
#include "jatei/error.hpp"
#include "jatei/utf8.hpp"

using jatei::DataError;
using jatei::DecodeOptions;
using jatei::Decoded;

namespace {

// Encodes UTF-8 text in `encoding` with ICU (strict: an unmappable character fails the test).
std::string encode(const std::string& utf8, const char* encoding) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* to = ucnv_open(encoding, &err);
  BOOST_REQUIRE_MESSAGE(U_SUCCESS(err), "ICU has no converter " << encoding);
  ucnv_setFromUCallBack(to, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  UConverter* from = ucnv_open("UTF-8", &err);
  BOOST_REQUIRE(U_SUCCESS(err));
  std::string out(utf8.size() * 4 + 16, '\0');
  char* target = out.data();
  const char* source = utf8.data();
  ucnv_convertEx(to, from, &target, out.data() + out.size(), &source, utf8.data() + utf8.size(), nullptr, nullptr,
                 nullptr, nullptr, true, true, &err);
  ucnv_close(to);
  ucnv_close(from);
  BOOST_REQUIRE_MESSAGE(U_SUCCESS(err), "cannot encode in " << encoding << ": " << u_errorName(err));
  out.resize(static_cast<std::size_t>(target - out.data()));
  return out;
}

Decoded decode_as(const std::string& bytes, const std::string& encoding, bool replace = false) {
  DecodeOptions o;
  o.encoding = encoding;
  o.replace_invalid = replace;
  return jatei::decode(bytes, o);
}

// The offset a DataError names, or npos when none is thrown.
std::size_t error_offset(const std::string& bytes, const std::string& encoding = "") {
  try {
    decode_as(bytes, encoding);
  } catch (const DataError& e) {
    return e.byte_offset();
  }
  return DataError::npos - 1;  // "no error" must never equal an expected offset
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// Japanese text long enough for a statistical detector, with kana, kanji, punctuation, digits.
const std::string kJapanese =
    "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。\n"
    "何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。\n"
    "吾輩はここで始めて人間というものを見た。しかもあとで聞くとそれは書生という人間中で一番獰悪な種族であったそうだ。\n"
    "この書生というのは時々我々を捕えて煮て食うという話である。しかしその当時は何という考もなかったから別段恐しいとも思わなかった。\n"
    "ただ彼の掌に載せられてスーと持ち上げられた時何だかフワフワした感じがあったばかりである。2024年の話ではない。\n";

}  // namespace

// ---------------------------------------------------------------------------------------------
// UTF-8 and UTF-16
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(utf8_without_bom_is_detected_and_kept) {
  Decoded d = jatei::decode(kJapanese);
  BOOST_TEST(d.encoding == "UTF-8");
  BOOST_TEST(d.text == kJapanese);
  BOOST_TEST(!d.had_bom);
  BOOST_TEST(d.replaced == 0u);
  BOOST_TEST(jatei::detect_encoding(kJapanese) == "UTF-8");
}

BOOST_AUTO_TEST_CASE(utf8_with_bom_drops_the_bom) {
  Decoded d = jatei::decode("\xEF\xBB\xBF" + kJapanese);
  BOOST_TEST(d.encoding == "UTF-8");
  BOOST_TEST(d.had_bom);
  BOOST_TEST(d.text == kJapanese);
  // Only the leading BOM goes: a U+FEFF inside the text is a character of the text.
  Decoded inner = jatei::decode("\xEF\xBB\xBF" "a\xEF\xBB\xBF" "b");
  BOOST_TEST(inner.text == "a\xEF\xBB\xBF" "b");
}

BOOST_AUTO_TEST_CASE(utf8_given_explicitly) {
  Decoded d = decode_as(kJapanese, "utf-8");
  BOOST_TEST(d.encoding == "UTF-8");
  BOOST_TEST(d.text == kJapanese);
}

BOOST_AUTO_TEST_CASE(empty_input) {
  Decoded d = jatei::decode("");
  BOOST_TEST(d.text.empty());
  BOOST_TEST(d.encoding == "UTF-8");
  BOOST_TEST(d.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

BOOST_AUTO_TEST_CASE(utf16le_with_bom_is_detected) {
  std::string bytes = "\xFF\xFE" + encode(kJapanese, "UTF-16LE");
  BOOST_TEST(jatei::detect_encoding(bytes) == "UTF-16LE");
  Decoded d = jatei::decode(bytes);
  BOOST_TEST(d.encoding == "UTF-16LE");
  BOOST_TEST(d.had_bom);
  BOOST_TEST(d.text == kJapanese);
  Decoded given = decode_as(bytes, "UTF-16LE");
  BOOST_TEST(given.text == kJapanese);
}

BOOST_AUTO_TEST_CASE(utf16be_with_bom_is_detected) {
  std::string bytes = "\xFE\xFF" + encode(kJapanese, "UTF-16BE");
  BOOST_TEST(jatei::detect_encoding(bytes) == "UTF-16BE");
  Decoded d = jatei::decode(bytes);
  BOOST_TEST(d.encoding == "UTF-16BE");
  BOOST_TEST(d.had_bom);
  BOOST_TEST(d.text == kJapanese);
  Decoded given = decode_as(bytes, "UTF-16BE");
  BOOST_TEST(given.text == kJapanese);
}

BOOST_AUTO_TEST_CASE(utf16_astral_characters_and_crlf) {
  std::string text = "絵文字😀と👨‍👩‍👧。\r\n次の行\r最後";
  std::string le = "\xFF\xFE" + encode(text, "UTF-16LE");
  BOOST_TEST(jatei::decode(le).text == "絵文字😀と👨‍👩‍👧。\n次の行\n最後");
  std::string be = "\xFE\xFF" + encode(text, "UTF-16BE");
  BOOST_TEST(jatei::decode(be).text == "絵文字😀と👨‍👩‍👧。\n次の行\n最後");
}

BOOST_AUTO_TEST_CASE(utf16_unpaired_surrogate_is_an_error) {
  // "あ" then a lone high surrogate D800 then "い", UTF-16LE with BOM.
  std::string bytes("\xFF\xFE\x42\x30\x00\xD8\x44\x30", 8);
  BOOST_CHECK_THROW(jatei::decode(bytes), DataError);
  Decoded d = decode_as(bytes, "", true);
  BOOST_TEST(d.replaced >= 1u);
  BOOST_TEST(contains(d.text, "\xEF\xBF\xBD"));
  BOOST_TEST(contains(d.text, "あ"));
}

// ---------------------------------------------------------------------------------------------
// Legacy Japanese encodings
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(shift_jis_detected_and_given) {
  std::string bytes = encode(kJapanese, "Shift_JIS");
  BOOST_REQUIRE(bytes != kJapanese);
  BOOST_TEST(jatei::detect_encoding(bytes) == "Shift_JIS");
  Decoded d = jatei::decode(bytes);
  BOOST_TEST(d.encoding == "Shift_JIS");
  BOOST_TEST(d.text == kJapanese);
  for (const char* name : {"Shift_JIS", "shift-jis", "SJIS"}) {
    Decoded g = decode_as(bytes, name);
    BOOST_TEST(g.encoding == "Shift_JIS");
    BOOST_TEST(g.text == kJapanese);
  }
}

BOOST_AUTO_TEST_CASE(cp932_nec_specials_and_ibm_extensions) {
  // ① Ⅰ ㈱ № ∑ are NEC special characters (row 13, 0x87xx); ⅰ 髙 﨑 are IBM extensions
  // (0xFAxx-0xFCxx). Plain Shift_JIS has none of them; web pages written in "Shift_JIS" do.
  std::string text = kJapanese + "①②③Ⅰ㈱№∑の話。ⅰⅱ髙橋さんと山﨑さん。\n";
  std::string bytes = encode(text, "windows-31j");
  BOOST_REQUIRE(contains(bytes, "\x87\x40"));  // ① is NEC row 13
  BOOST_REQUIRE(contains(bytes, "\xFA\x40"));  // ⅰ is an IBM extension
  std::string detected = jatei::detect_encoding(bytes);
  BOOST_TEST((detected == "Shift_JIS" || detected == "CP932"), "detected " << detected);
  Decoded d = jatei::decode(bytes);
  BOOST_TEST(d.text == text);
  for (const char* name : {"CP932", "cp932", "Windows-31J", "MS932", "Shift_JIS"}) {
    Decoded g = decode_as(bytes, name);
    BOOST_TEST(g.text == text, "with encoding " << name);
  }
  BOOST_TEST(decode_as(bytes, "CP932").encoding == "CP932");
}

BOOST_AUTO_TEST_CASE(euc_jp_detected_and_given) {
  std::string bytes = encode(kJapanese, "EUC-JP");
  BOOST_TEST(jatei::detect_encoding(bytes) == "EUC-JP");
  Decoded d = jatei::decode(bytes);
  BOOST_TEST(d.encoding == "EUC-JP");
  BOOST_TEST(d.text == kJapanese);
  for (const char* name : {"EUC-JP", "euc-jp", "EUC_JP", "eucjp"}) {
    Decoded g = decode_as(bytes, name);
    BOOST_TEST(g.encoding == "EUC-JP");
    BOOST_TEST(g.text == kJapanese);
  }
}

BOOST_AUTO_TEST_CASE(short_legacy_text_is_read_in_the_encoding_that_makes_it_japanese) {
  // Short EUC-JP is often valid Shift_JIS too (its kana pairs are half-width katakana and
  // kanji there), and ICU's detector cannot tell on a few bytes: the reading with kana and
  // kanji wins over the one with half-width katakana, in both directions.
  for (const std::string& text : std::vector<std::string>{"駅前の店が閉店した。\n", "価格は千円\n", "はい。\n", "会議は明日\n", "東京\n", "ｱｲｳ半角カナ\n",
                           "※注意：本日休業\n", kJapanese}) {
    for (const char* enc : {"EUC-JP", "Shift_JIS"}) {
      std::string bytes = encode(text, enc);
      Decoded d = jatei::decode(bytes);
      BOOST_TEST(d.encoding == enc, text << " in " << enc);
      BOOST_TEST(d.text == text, text << " in " << enc);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_binary_file_is_refused_as_binary) {
  // Executables, images and archives: NULs and controls all through their first bytes.
  std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0", 33);
  std::string elf("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0", 24);
  for (const std::string& bytes : {png, elf}) {
    try {
      jatei::decode(bytes);
      BOOST_FAIL("binary accepted");
    } catch (const DataError& e) {
      BOOST_TEST(contains(e.what(), "looks binary"), e.what());
      BOOST_TEST(e.byte_offset() == bytes.find_first_of(std::string("\0\x01\x02\x03\x06", 5)));
    }
  }
  // One stray control in text is that character's error, not "binary"; tab, LF and CR count
  // for nothing; --replace-invalid still substitutes.
  for (std::string text : {std::string("あいう") + std::string(1, '\0') + "えお。\n", std::string("一") + "\x01" + "行目\n二行目\n"}) {
    try {
      jatei::decode(text);
      BOOST_FAIL("control accepted");
    } catch (const DataError& e) {
      BOOST_TEST(contains(e.what(), "cannot be carried"), e.what());
    }
  }
  BOOST_TEST(jatei::decode("a\tb\tc\r\nd\n\n\t\te\r\n\r\n").text == "a\tb\tc\nd\n\n\t\te\n\n");
  BOOST_TEST(decode_as(png, "", true).replaced > 0u);
  // UTF-16 is half NULs and is no binary
  BOOST_TEST(jatei::decode(encode("テスト。\n", "UTF-16LE")).text == "テスト。\n");
}

BOOST_AUTO_TEST_CASE(iso_2022_jp_detected_and_given) {
  std::string bytes = encode(kJapanese, "ISO-2022-JP");
  BOOST_REQUIRE(contains(bytes, "\x1B$B"));
  for (unsigned char c : bytes) BOOST_REQUIRE(c < 0x80);  // 7-bit: valid UTF-8 as bytes
  BOOST_TEST(jatei::detect_encoding(bytes) == "ISO-2022-JP");
  Decoded d = jatei::decode(bytes);
  BOOST_TEST(d.encoding == "ISO-2022-JP");
  BOOST_TEST(d.text == kJapanese);
  Decoded g = decode_as(bytes, "iso-2022-jp");
  BOOST_TEST(g.encoding == "ISO-2022-JP");
  BOOST_TEST(g.text == kJapanese);
}

BOOST_AUTO_TEST_CASE(legacy_encodings_normalise_line_ends) {
  std::string text = kJapanese + "改行\r\nその二\r最後の行";
  std::string expected = kJapanese + "改行\nその二\n最後の行";
  for (const char* enc : {"Shift_JIS", "EUC-JP", "ISO-2022-JP"}) {
    Decoded d = jatei::decode(encode(text, enc));
    BOOST_TEST(d.text == expected, "in " << enc);
  }
}

BOOST_AUTO_TEST_CASE(ascii_only_text_is_utf8) {
  Decoded d = jatei::decode("Hello, world.\n");
  BOOST_TEST(d.encoding == "UTF-8");
  BOOST_TEST(d.text == "Hello, world.\n");
}

// ---------------------------------------------------------------------------------------------
// Line ends
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(crlf_and_cr_become_lf) {
  BOOST_TEST(jatei::decode("a\r\nb\r\n").text == "a\nb\n");
  BOOST_TEST(jatei::decode("a\rb\r").text == "a\nb\n");
  BOOST_TEST(jatei::decode("a\r\rb").text == "a\n\nb");          // two CRs: two line ends
  BOOST_TEST(jatei::decode("a\n\rb").text == "a\n\nb");          // LF then CR: two line ends
  BOOST_TEST(jatei::decode("a\r\n\r\nb").text == "a\n\nb");      // CRLF CRLF: one blank line
  BOOST_TEST(jatei::decode("日本\r\n語\r").text == "日本\n語\n");
  BOOST_TEST(jatei::decode("\r").text == "\n");
  BOOST_TEST(jatei::decode("\xEF\xBB\xBF\r\nx").text == "\nx");
}

BOOST_AUTO_TEST_CASE(tab_is_kept) {
  Decoded d = jatei::decode("列1\t列2\t\n");
  BOOST_TEST(d.text == "列1\t列2\t\n");
  BOOST_TEST(d.replaced == 0u);
}

// ---------------------------------------------------------------------------------------------
// Invalid UTF-8: the exact byte offset
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(invalid_utf8_offset_at_start) {
  BOOST_TEST(error_offset("\xFF" "abc", "UTF-8") == 0u);
  BOOST_TEST(error_offset("\x80" "abc", "UTF-8") == 0u);  // stray continuation byte
  BOOST_TEST(jatei::utf8_invalid_offset("\xFE" "abc") == 0u);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_offset_in_the_middle) {
  std::string bytes = "日本語のテキスト" "\xFF" "続き";  // 8 characters × 3 bytes
  BOOST_TEST(jatei::utf8_invalid_offset(bytes) == 24u);
  BOOST_TEST(error_offset(bytes, "UTF-8") == 24u);
  // Detected, not told: UTF-8 up to a damaged byte stays UTF-8 so the offset is named.
  BOOST_TEST(error_offset(bytes) == 24u);
  // A lead byte followed by a non-continuation byte: the offset is the lead byte's.
  BOOST_TEST(error_offset("ab\xE3" "cd", "UTF-8") == 2u);
  BOOST_TEST(error_offset("あいうえお\xE3\x81" "x", "UTF-8") == 15u);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_offset_truncated_at_end) {
  std::string bytes = "日本語の文章です。最後が切れてい\xE3\x82";
  BOOST_TEST(jatei::utf8_invalid_offset(bytes) == bytes.size() - 2);
  BOOST_TEST(error_offset(bytes, "UTF-8") == bytes.size() - 2);
  BOOST_TEST(error_offset(bytes) == bytes.size() - 2);
  BOOST_TEST(error_offset("abc\xF0\x9F\x98", "UTF-8") == 3u);  // 3 of the 4 bytes of an emoji
  BOOST_TEST(error_offset("abc\xC3", "UTF-8") == 3u);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_overlong_forms) {
  BOOST_TEST(error_offset("ab\xC0\xAF", "UTF-8") == 2u);            // overlong '/'
  BOOST_TEST(error_offset("abcd\xC1\xBF", "UTF-8") == 4u);          // overlong DEL
  BOOST_TEST(error_offset("x\xE0\x80\xAF", "UTF-8") == 1u);         // 3-byte overlong
  BOOST_TEST(error_offset("xy\xF0\x80\x80\xAF", "UTF-8") == 2u);    // 4-byte overlong
  BOOST_TEST(error_offset("\xC0\x80", "UTF-8") == 0u);              // "modified UTF-8" NUL
}

BOOST_AUTO_TEST_CASE(invalid_utf8_surrogates_and_out_of_range) {
  BOOST_TEST(error_offset("abc\xED\xA0\x80", "UTF-8") == 3u);               // U+D800
  BOOST_TEST(error_offset("日\xED\xBF\xBF", "UTF-8") == 3u);                // U+DFFF
  BOOST_TEST(error_offset("a\xED\xA0\xBD\xED\xB8\x80", "UTF-8") == 1u);    // CESU-8 pair
  BOOST_TEST(error_offset("ab\xF4\x90\x80\x80", "UTF-8") == 2u);            // > U+10FFFF
  BOOST_TEST(error_offset("\xF5\x80\x80\x80", "UTF-8") == 0u);
  // Just inside the limits is fine.
  BOOST_TEST(decode_as("\xED\x9F\xBF\xEE\x80\x80\xF4\x8F\xBF\xBD", "UTF-8").text ==
             "\xED\x9F\xBF\xEE\x80\x80\xF4\x8F\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_error_names_offset_line_and_column) {
  std::string bytes = "一行目\n二行目\nabc\xFF";
  try {
    decode_as(bytes, "UTF-8");
    BOOST_FAIL("no DataError");
  } catch (const DataError& e) {
    BOOST_TEST(e.byte_offset() == bytes.size() - 1);
    BOOST_TEST(e.line() == 3u);
    BOOST_TEST(e.column() == 4u);
    BOOST_TEST(contains(e.what(), std::to_string(bytes.size() - 1)), e.what());
  }
}

BOOST_AUTO_TEST_CASE(every_kind_of_bad_sequence_at_every_place_in_a_long_text) {
  // Long texts go through the 32-byte check first (where the processor has AVX2): each bad
  // sequence, and each valid one at the limits, at every offset across two blocks and at the
  // very end, after ASCII and after Japanese.
  const std::vector<std::string> bad = {
      "\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xC3", "\xC3x", "\xE3\x81", "\xE3\x81x", "\xE3x",
      "\xE0\x80\xAF", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF", "\xF0\x80\x80\xAF", "\xF0\x8F\xBF\xBF",
      "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\xFE", "\xF0\x9F\x98", "\xE3\x81\x82\x82", "\xC3\xA9\xA9"};
  auto bad_at = [](const std::string& b) -> std::size_t {  // a valid character before the stray byte
    return b == "\xE3\x81\x82\x82" ? 3 : b == "\xC3\xA9\xA9" ? 2 : 0;
  };
  const std::vector<std::string> good = {"\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80",
                                         "\xEF\xBF\xBD", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "あ", "😀"};
  std::size_t checked = 0;
  for (const std::string& filler : {std::string("a"), std::string("あ")}) {
    for (std::size_t before = 0; before < 70; ++before) {
      std::string head;
      while (head.size() < before) head += filler;
      for (const std::string& b : bad) {
        std::string text = head + b + std::string(40, 'z');
        std::string at_end = head + b;
        BOOST_TEST(jatei::utf8_invalid_offset(text) == head.size() + bad_at(b), "bad sequence after " << head.size() << " bytes");
        BOOST_TEST(jatei::utf8_invalid_offset(at_end) == head.size() + bad_at(b), "bad sequence ending the text");
        ++checked;
      }
      for (const std::string& g : good) {
        BOOST_TEST(jatei::utf8_invalid_offset(head + g + std::string(40, 'z')) == static_cast<std::size_t>(-1));
        BOOST_TEST(jatei::utf8_invalid_offset(head + g) == static_cast<std::size_t>(-1));
      }
    }
  }
  BOOST_TEST(checked == 2u * 70u * 22u);
}

BOOST_AUTO_TEST_CASE(borrowing_the_bytes_only_when_decoding_keeps_them) {
  jatei::DecodeOptions o;
  o.may_borrow = true;
  std::string clean = "本文です。\n二行目\tタブ\n";
  jatei::Decoded d = jatei::decode(clean, o);
  BOOST_TEST(d.is_borrowed);
  BOOST_TEST(d.text.empty());
  BOOST_TEST(d.view().data() == clean.data());  // no copy
  BOOST_TEST(d.view() == clean);
  BOOST_TEST(d.encoding == "UTF-8");
  BOOST_TEST(d.sha256 == jatei::sha256_hex(clean));
  // Anything decoding changes, or refuses, is never borrowed.
  for (std::string changed : {std::string("\xEF\xBB\xBF本文。"), std::string("一行目\r\n二行目"), std::string("古い\r改行")}) {
    jatei::Decoded c = jatei::decode(changed, o);
    BOOST_TEST(!c.is_borrowed);
    BOOST_TEST(c.view() == c.text);
    BOOST_TEST(c.text.find('\r') == std::string::npos);
  }
  BOOST_CHECK_THROW(jatei::decode(std::string("制御\x01文字"), o), DataError);
  o.replace_invalid = true;
  jatei::Decoded r = jatei::decode(std::string("制御\x01文字"), o);
  BOOST_TEST(!r.is_borrowed);
  BOOST_TEST(r.view() == "制御\xEF\xBF\xBD文字");
  // Without may_borrow the text is always a copy.
  BOOST_TEST(!jatei::decode(clean).is_borrowed);
  BOOST_TEST(jatei::decode(clean).text == clean);
}

BOOST_AUTO_TEST_CASE(utf8_decode_agrees_with_valid_prefix_on_every_short_sequence) {
  // utf8::decode takes the common two- and three-byte sequences first: on every lead byte
  // with every pair of following bytes (and cut short), it says what valid_prefix says.
  std::size_t checked = 0;
  for (unsigned lead = 0x80; lead <= 0xFF; ++lead) {
    for (unsigned b1 = 0; b1 <= 0xFF; b1 += 1) {
      for (unsigned b2 : {0x00u, 0x41u, 0x80u, 0x9Fu, 0xA0u, 0xBFu, 0xC0u, 0xE3u}) {
        for (std::size_t cut : {std::size_t(1), std::size_t(2), std::size_t(3)}) {
          std::string s{static_cast<char>(lead), static_cast<char>(b1), static_cast<char>(b2)};
          s.resize(cut);
          std::size_t len = 0;
          char32_t c = jatei::utf8::decode(s, 0, len);
          std::size_t n = jatei::utf8::valid_prefix(s);
          if (n == 0) {
            BOOST_TEST((c == 0xFFFD && len == 1u), std::hex << lead << " " << b1 << " " << b2 << " cut " << cut);
          } else {
            char32_t want = n == 2 ? (lead & 0x1F) : n == 3 ? (lead & 0x0F) : (lead & 0x07);
            for (std::size_t k = 1; k < n; ++k) want = (want << 6) | (static_cast<unsigned char>(s[k]) & 0x3F);
            BOOST_TEST((c == want && len == n), std::hex << lead << " " << b1 << " " << b2 << " cut " << cut);
          }
          ++checked;
        }
      }
    }
  }
  BOOST_TEST(checked == 128u * 256u * 8u * 3u);
}

BOOST_AUTO_TEST_CASE(valid_utf8_has_no_invalid_offset) {
  BOOST_TEST(jatei::utf8_invalid_offset(kJapanese) == static_cast<std::size_t>(-1));
  BOOST_TEST(jatei::utf8_invalid_offset("") == static_cast<std::size_t>(-1));
  BOOST_TEST(jatei::utf8_invalid_offset("😀👨‍👩‍👧") == static_cast<std::size_t>(-1));
}

// ---------------------------------------------------------------------------------------------
// Invalid legacy bytes
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(invalid_shift_jis_names_offset) {
  std::string good = encode("日本語のテキスト", "Shift_JIS");  // 16 bytes
  BOOST_REQUIRE(good.size() == 16u);
  // A lead byte followed by a byte that cannot trail it (a line feed).
  std::string bytes = good + "\x82\n" + encode("続き", "Shift_JIS");
  BOOST_TEST(error_offset(bytes, "Shift_JIS") == 16u);
  BOOST_TEST(error_offset(bytes, "CP932") == 16u);
  // A byte that is never valid in CP932 (0xFF).
  std::string bytes2 = good + good + "\xFF" + good;
  BOOST_TEST(error_offset(bytes2, "Shift_JIS") == 32u);
  // A lead byte at the very end.
  std::string bytes3 = good + "\x88";
  BOOST_TEST(error_offset(bytes3, "Shift_JIS") == 16u);
}

// A legacy text with one damaged byte, and no --encoding: detected as what it is, so the error
// names the damaged byte in that encoding (not "invalid UTF-8 at offset 0"), and
// --replace-invalid replaces that byte alone (not the whole text read as broken UTF-8).
BOOST_AUTO_TEST_CASE(a_damaged_legacy_text_is_detected_as_what_it_is) {
  for (const char* enc : {"Shift_JIS", "EUC-JP"}) {
    std::string good = encode(kJapanese, enc);
    std::string lines = encode("吾輩は猫である。\n", enc);
    // Damage after the first line: a byte never valid there, and, cut short, a lead byte at the end.
    std::string lead = std::string(enc) == "EUC-JP" ? "\xA4" : "\x88";  // a lead byte with no trail
    for (const std::string& bytes : {lines + "\xFF" + good, good + lead}) {
      BOOST_TEST(jatei::detect_encoding(bytes) == enc);
      std::size_t at = bytes.size() == good.size() + 1 ? good.size() : lines.size();
      BOOST_TEST(error_offset(bytes) == at, enc);
      try {
        decode_as(bytes, "");
      } catch (const DataError& e) {
        BOOST_TEST(contains(e.what(), std::string("invalid ") + enc), e.what());
      }
      Decoded d = decode_as(bytes, "", true);
      BOOST_TEST(d.encoding == enc);
      BOOST_TEST(d.replaced == 1u);
      BOOST_TEST(contains(d.text, "吾輩は猫である。"));
    }
  }
  // Not Japanese in any of them: still read as UTF-8, whose error names the first bad byte.
  BOOST_TEST(jatei::detect_encoding("caf\xE9 au lait, cr\xE8" "me br\xFB" "l\xE9" "e") == "UTF-8");
}

BOOST_AUTO_TEST_CASE(invalid_euc_jp_names_offset) {
  std::string good = encode("日本語のテキスト", "EUC-JP");
  BOOST_REQUIRE(good.size() == 16u);
  std::string bytes = good + "\xA4\n" + good;  // lead byte, then a line feed
  BOOST_TEST(error_offset(bytes, "EUC-JP") == 16u);
}

BOOST_AUTO_TEST_CASE(invalid_shift_jis_replaced_on_request) {
  std::string good = encode("日本語", "Shift_JIS");
  std::string bytes = good + "\xFF" + good;
  Decoded d = decode_as(bytes, "Shift_JIS", true);
  BOOST_TEST(d.replaced == 1u);
  BOOST_TEST(d.text == "日本語\xEF\xBF\xBD日本語");
}

BOOST_AUTO_TEST_CASE(unknown_encoding_name_is_a_data_error) {
  BOOST_CHECK_THROW(decode_as("abc", "X-NO-SUCH-ENCODING-42"), DataError);
  BOOST_CHECK_THROW(decode_as("abc", "klingon"), DataError);
  try {
    decode_as("abc", "klingon");
  } catch (const DataError& e) {
    BOOST_TEST(contains(e.what(), "klingon"), e.what());
  }
}

// ---------------------------------------------------------------------------------------------
// replace_invalid
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(replace_invalid_counts_and_inserts_fffd) {
  Decoded d = decode_as("a\xFF" "b\xFE" "c", "UTF-8", true);
  BOOST_TEST(d.replaced == 2u);
  BOOST_TEST(d.text == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  // A truncated sequence is one maximal ill-formed subpart: one U+FFFD.
  Decoded t = decode_as("日本\xE8\xAA", "UTF-8", true);
  BOOST_TEST(t.replaced == 1u);
  BOOST_TEST(t.text == "日本\xEF\xBF\xBD");
  // Unicode's "maximal subpart" practice: C0 AF is two replacements, ED A0 80 three.
  BOOST_TEST(decode_as("\xC0\xAF", "UTF-8", true).replaced == 2u);
  BOOST_TEST(decode_as("\xED\xA0\x80", "UTF-8", true).replaced == 3u);
  // Detected encoding with replacement still yields valid UTF-8 with U+FFFD.
  Decoded det = decode_as("日本語のテキストです\xFF", "", true);
  BOOST_TEST(det.replaced == 1u);
  BOOST_TEST(det.text == "日本語のテキストです\xEF\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(replace_invalid_on_valid_text_counts_nothing) {
  Decoded d = decode_as(kJapanese, "", true);
  BOOST_TEST(d.replaced == 0u);
  BOOST_TEST(d.text == kJapanese);
}

// ---------------------------------------------------------------------------------------------
// Characters XML cannot carry
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(nul_is_a_data_error_naming_its_offset) {
  std::string bytes("abc\0def", 7);
  try {
    jatei::decode(bytes);
    BOOST_FAIL("NUL accepted");
  } catch (const DataError& e) {
    BOOST_TEST(e.byte_offset() == 3u);
    BOOST_TEST(contains(e.what(), "3"), e.what());
    BOOST_TEST(e.line() == 1u);
    BOOST_TEST(e.column() == 4u);
  }
  std::string bom("\xEF\xBB\xBF" "日本\n\0", 11);
  BOOST_TEST(error_offset(bom) == 10u);  // offsets count the BOM: they are source offsets
}

BOOST_AUTO_TEST_CASE(other_c0_controls_are_data_errors) {
  for (int c = 1; c < 0x20; ++c) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    std::string bytes = "日本語";
    bytes.push_back(static_cast<char>(c));
    bytes += "x";
    BOOST_TEST(error_offset(bytes) == 9u, "control 0x" << std::hex << c);
  }
  BOOST_TEST(error_offset("ab\x1B" "c") == 2u);  // ESC without an ISO-2022 sequence
  BOOST_TEST(error_offset("a\x7F" "b") == DataError::npos - 1);  // DEL is allowed in XML 1.0
}

BOOST_AUTO_TEST_CASE(noncharacters_fffe_ffff_are_data_errors) {
  BOOST_TEST(error_offset("ab\xEF\xBF\xBE") == 2u);
  BOOST_TEST(error_offset("日\xEF\xBF\xBF") == 3u);
}

BOOST_AUTO_TEST_CASE(what_decoding_changes_is_found_at_every_place_in_a_long_text) {
  // Long texts are looked through 32 bytes at a time: a control character, CR, U+FFFE or
  // U+FFFF at each offset across two blocks and at the end is still found (an error naming
  // it, CR made LF, or a text that is not borrowed), and LF and tab are not.
  jatei::DecodeOptions borrow;
  borrow.may_borrow = true;
  for (std::size_t before = 0; before < 70; ++before) {
    std::string head;
    while (head.size() + 3 <= before) head += "あ";
    while (head.size() < before) head += "a";
    for (std::string odd : {std::string("\x01"), std::string("\x1F"), std::string("\xEF\xBF\xBE"), std::string("\xEF\xBF\xBF")}) {
      for (std::string text : {head + odd + std::string(40, 'z'), head + odd}) {
        BOOST_TEST(error_offset(text) == head.size(), "after " << head.size() << " bytes");
      }
    }
    jatei::Decoded cr = jatei::decode(head + "\r\n" + std::string(40, 'z'), borrow);
    BOOST_TEST(!cr.is_borrowed);
    BOOST_TEST(cr.text == head + "\n" + std::string(40, 'z'));
    jatei::Decoded kept = jatei::decode(head + "\n\t" + std::string(40, 'z'), borrow);
    BOOST_TEST(kept.is_borrowed);
  }
}

BOOST_AUTO_TEST_CASE(controls_replaced_on_request) {
  std::string bytes("a\0b\x01" "c\x1F" "d\tz", 9);
  Decoded d = decode_as(bytes, "", true);
  BOOST_TEST(d.replaced == 3u);
  BOOST_TEST(d.text == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\tz");
  Decoded n = decode_as("x\xEF\xBF\xBE", "", true);
  BOOST_TEST(n.replaced == 1u);
  BOOST_TEST(n.text == "x\xEF\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(controls_in_legacy_encodings_are_errors_too) {
  std::string bytes = encode(kJapanese, "Shift_JIS");
  bytes.push_back('\x01');
  BOOST_CHECK_THROW(jatei::decode(bytes), DataError);
  Decoded d = decode_as(bytes, "Shift_JIS", true);
  BOOST_TEST(d.replaced == 1u);
  BOOST_TEST(d.text == kJapanese + "\xEF\xBF\xBD");
}

// ---------------------------------------------------------------------------------------------
// SHA-256
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(sha256_known_vectors) {
  BOOST_TEST(jatei::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  BOOST_TEST(jatei::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // FIPS 180-2 appendix B.2 (56 bytes: the padding needs a second block).
  BOOST_TEST(jatei::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // FIPS 180-2 appendix B.3.
  BOOST_TEST(jatei::sha256_hex(std::string(1000000, 'a')) ==
             "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // Block-boundary lengths: 55 (the longest one-block message), 64 (exactly one block).
  BOOST_TEST(jatei::sha256_hex(std::string(55, 'a')) ==
             "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  BOOST_TEST(jatei::sha256_hex(std::string(64, 'a')) ==
             "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  std::string m64;
  for (int i = 0; i < 4; ++i) m64 += "0123456789abcdef";
  BOOST_TEST(jatei::sha256_hex(m64) == "a8ae6e6ee929abea3afcfc5258c8ccd6f85273e0d4626d26c7279f3250f77c8e");
  BOOST_TEST(jatei::sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                               "klmnopqrlmnopqrsmnopqrstnopqrstu") ==
             "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

BOOST_AUTO_TEST_CASE(sha256_in_steps_equals_at_once) {
  // Pieces of every size around a block (0 to 130 bytes), in turn, give the digest of the
  // whole; hex() can be asked on the way and the digest goes on.
  std::string all;
  for (int i = 0; i < 1000; ++i) all += static_cast<char>('a' + i * 7 % 26);
  for (std::size_t piece = 1; piece <= 130; ++piece) {
    jatei::Sha256 s;
    for (std::size_t at = 0; at < all.size(); at += piece) {
      s.update(std::string_view(all).substr(at, piece));
      if (at == 3 * piece) BOOST_TEST(s.hex() == jatei::sha256_hex(all.substr(0, 4 * piece)), "piece " << piece);
    }
    BOOST_TEST(s.hex() == jatei::sha256_hex(all), "piece " << piece);
  }
  jatei::Sha256 none;
  none.update("");
  BOOST_TEST(none.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  jatei::Sha256 million;
  for (int i = 0; i < 1000; ++i) million.update(std::string(1000, 'a'));
  BOOST_TEST(million.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

BOOST_AUTO_TEST_CASE(sha256_copies_and_moves_go_on_on_their_own) {
  // A copy holds the bytes so far and goes on without its original; a moved-to object keeps the
  // state; an assigned one takes the other's.
  jatei::Sha256 a;
  a.update("ab");
  jatei::Sha256 b = a;
  a.update("c");
  b.update("x");
  BOOST_TEST(a.hex() == jatei::sha256_hex("abc"));
  BOOST_TEST(b.hex() == jatei::sha256_hex("abx"));
  jatei::Sha256 c = std::move(a);
  c.update("d");
  BOOST_TEST(c.hex() == jatei::sha256_hex("abcd"));
  jatei::Sha256 d;
  d = b;
  d.update("y");
  BOOST_TEST(d.hex() == jatei::sha256_hex("abxy"));
  BOOST_TEST(b.hex() == jatei::sha256_hex("abx"));
}

BOOST_AUTO_TEST_CASE(sha256_of_decoded_is_of_the_source_bytes) {
  std::string bytes = "\xEF\xBB\xBF" "a\r\nb";
  Decoded d = jatei::decode(bytes);
  BOOST_TEST(d.sha256 == jatei::sha256_hex(bytes));
  BOOST_TEST(d.sha256 != jatei::sha256_hex(d.text));
  std::string sjis = encode(kJapanese, "Shift_JIS");
  BOOST_TEST(jatei::decode(sjis).sha256 == jatei::sha256_hex(sjis));
  BOOST_TEST(jatei::sha256_hex(std::string("a\0b", 3)) != jatei::sha256_hex("a"));
  std::string hex = jatei::sha256_hex("x");
  BOOST_TEST(hex.size() == 64u);
  for (char c : hex) BOOST_TEST(((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')));
}

// ---------------------------------------------------------------------------------------------
// What the text does not show of the source (line ends, BOM), and the source's bytes rebuilt
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(line_ends_are_recorded) {
  BOOST_TEST(jatei::decode("一。\n二。\n").line_ends == "");
  BOOST_TEST(jatei::decode("一。\r\n二。\r\n").line_ends == "CRLF");
  BOOST_TEST(jatei::decode("一。\r二。\r").line_ends == "CR");
  BOOST_TEST(jatei::decode("一。\r\n二。\n").line_ends == "mixed");
  BOOST_TEST(jatei::decode("一。\r\n二。\r").line_ends == "mixed");
  BOOST_TEST(jatei::decode("改行なし").line_ends == "");
  // the same in a legacy encoding and in UTF-16
  BOOST_TEST(jatei::decode(encode("一行目です。\r\n" + kJapanese.substr(0, 60) + "\r\n", "Shift_JIS")).line_ends == "CRLF");
  BOOST_TEST(jatei::decode("\xFF\xFE" + encode("一。\r二。\r", "UTF-16LE")).line_ends == "CR");
}

BOOST_AUTO_TEST_CASE(source_bytes_are_rebuilt) {
  auto back = [](const std::string& bytes) {
    Decoded d = jatei::decode(bytes);
    return jatei::encode_source(d.text, d.encoding, d.had_bom, d.line_ends);
  };
  for (std::string lines : {kJapanese, std::string("一。\r\n二。\r\n"), std::string("一。\r二。"), std::string("")}) {
    BOOST_TEST(back(lines) == lines);
    BOOST_TEST(back("\xEF\xBB\xBF" + lines) == "\xEF\xBB\xBF" + lines);
  }
  std::string crlf = kJapanese;
  for (std::size_t at = 0; (at = crlf.find('\n', at)) != std::string::npos; at += 2) crlf.insert(at, "\r");
  for (const char* enc : {"Shift_JIS", "EUC-JP", "ISO-2022-JP"}) {
    std::string bytes = encode(crlf, enc);
    BOOST_TEST(back(bytes) == bytes, enc);
  }
  std::string le = "\xFF\xFE" + encode(crlf, "UTF-16LE"), be = "\xFE\xFF" + encode(kJapanese, "UTF-16BE");
  BOOST_TEST(back(le) == le);
  BOOST_TEST(back(be) == be);
  // mixed line ends cannot be rebuilt from the text and a record of one style: an error, not
  // bytes that differ from the source
  BOOST_CHECK_THROW(jatei::encode_source("一。\n二。\n", "UTF-8", false, "mixed"), jatei::DataError);
  // a character the encoding has no bytes for
  BOOST_CHECK_THROW(jatei::encode_source("絵文字😀\n", "Shift_JIS", false, ""), jatei::DataError);
}

BOOST_AUTO_TEST_CASE(utf16_without_bom_is_detected) {
  std::string le = encode(kJapanese, "UTF-16LE"), be = encode(kJapanese, "UTF-16BE");
  BOOST_TEST(jatei::detect_encoding(le) == "UTF-16LE");
  BOOST_TEST(jatei::detect_encoding(be) == "UTF-16BE");
  BOOST_TEST(jatei::decode(le).text == kJapanese);
  BOOST_TEST(!jatei::decode(le).had_bom);
  // short text, and text that is ASCII only (valid UTF-8 with every other byte NUL)
  BOOST_TEST(jatei::detect_encoding(encode("テスト。\n", "UTF-16LE")) == "UTF-16LE");
  BOOST_TEST(jatei::detect_encoding(encode("ABC test.\n", "UTF-16BE")) == "UTF-16BE");
  // a stray NUL in UTF-8 text stays UTF-8 (and an error naming its place), not UTF-16 garbage
  BOOST_TEST(jatei::detect_encoding(std::string("abc\0def ghij\n", 13) + kJapanese) == "UTF-8");
  BOOST_TEST(jatei::detect_encoding(std::string("abcd\0efgh", 9)) == "UTF-8");
  BOOST_CHECK_THROW(jatei::decode(std::string("abcd\0efgh", 9)), jatei::DataError);
  // short lines with one stray NUL (a sixth, a quarter of their bytes): not UTF-16 kanji
  for (std::string stray : {std::string("ab\0cd\n", 6), std::string("OK\0\n", 4), std::string("x\0y\nz\0w\n", 8)}) {
    BOOST_TEST(jatei::detect_encoding(stray) == "UTF-8");
    BOOST_CHECK_THROW(jatei::decode(stray), jatei::DataError);
  }
  // legacy Japanese encodings have no NUL: never taken for UTF-16
  BOOST_TEST(jatei::detect_encoding(encode(kJapanese, "Shift_JIS")) == "Shift_JIS");
}

BOOST_AUTO_TEST_CASE(encoding_names_are_checked) {
  for (const char* name : {"UTF-8", "utf8", "Shift_JIS", "sjis", "CP932", "EUC-JP", "ISO-2022-JP", "UTF-16LE", "utf-16be"})
    BOOST_TEST(jatei::known_encoding(name), name);
  for (const char* name : {"FOO", "no-such-encoding", "UTF-9"}) BOOST_TEST(!jatei::known_encoding(name), name);
}
