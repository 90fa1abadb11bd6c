// Validation of TEI documents: the RELAX NG schema (libxml2, compiled once and reused for
// every file) plus the checks a schema cannot make.
//
//   jatei::Validator v(jatei::default_schema_path());
//   for (auto& problem : v.validate(xml, "a.tei.xml")) std::cerr << problem.line << problem.message;
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace jatei {

struct Problem {
  std::size_t line = 0;  // 1-based, 0 = unknown
  std::string message;
};

// schemas/jatei.rng: $JATEI_SCHEMA if set, the source tree's copy when running from a build,
// else the installed one.
std::string default_schema_path();

class Validator {
 public:
  // Compiles the schema; throws DataError if it cannot be read or compiled.
  explicit Validator(const std::string& schema_path);
  ~Validator();
  Validator(const Validator&) = delete;
  Validator& operator=(const Validator&) = delete;

  // Problems found in one document (empty = valid): well-formedness, the schema, unique
  // xml:ids, every "#id" pointer in who/target/corresp/ana/ref/resp resolves, every <s> has
  // an xml:id.
  std::vector<Problem> validate(std::string_view xml, const std::string& name) const;
  // The same, telling `passed(n)` as the streamed reading goes that it will not look at the
  // first n bytes of `xml` again (until the problems are looked for, which reads them anew):
  // a caller that mapped the file may give those pages back (madvise), so that the bytes
  // and libxml2's table of ids are never all held at once.
  std::vector<Problem> validate(std::string_view xml, const std::string& name,
                                const std::function<void(std::size_t)>& passed) const;
  // Whether the document is valid, without the problems: the streamed reading alone, which
  // validate() takes first (a document this refuses, validate() reads again into trees to say why).
  bool is_valid(std::string_view xml, const std::string& name) const;

 private:
  // Whether the document is valid, read as a stream (memory does not grow with its size).
  bool valid_streamed(std::string_view xml, const std::string& name, int options,
                      const std::function<void(std::size_t)>& passed) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Only the checks a schema cannot make (ids and pointers), for an already well-formed document.
std::vector<Problem> check_references(std::string_view xml);

}  // namespace jatei
