#pragma once

#include <stdexcept>
#include <string>

namespace yishi::storage {

// Thrown by a row reader when a column holds a value the domain does not
// know (an enum name no build wrote, or one a newer build wrote). A row is
// never read as some default instead: statusFromCurrentException turns
// this into internal "storage.corrupt_row", naming table and column; the
// value itself goes only to the log.
class CorruptRow : public std::runtime_error {
  public:
    CorruptRow(std::string table, std::string column, std::string value)
        : std::runtime_error("corrupt row in " + table + "." + column),
          table_(std::move(table)),
          column_(std::move(column)),
          value_(std::move(value)) {}

    const std::string& table() const { return table_; }
    const std::string& column() const { return column_; }
    const std::string& value() const { return value_; }

  private:
    std::string table_;
    std::string column_;
    std::string value_;
};

// The enum named `text` in table.column, by the domain's parser `parse`.
// Throws CorruptRow when the domain does not know the name.
template <typename E>
E storedEnum(const std::string& text, bool (*parse)(const std::string&, E*), const char* table, const char* column) {
    E value{};
    if (!parse(text, &value)) throw CorruptRow(table, column, text);
    return value;
}

}  // namespace yishi::storage
