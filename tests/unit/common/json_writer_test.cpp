#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/json.h"
#include "yishi/common/json_writer.h"

using yishi::JsonWriter;
using yishi::Value;

BOOST_AUTO_TEST_SUITE(json_writer)

BOOST_AUTO_TEST_CASE(members_come_out_in_the_order_written) {
    JsonWriter w;
    w.beginObject().member("z", 1).member("a", "x").key("m").beginArray().value(true).null().endArray();
    w.key("o").beginObject().endObject().member("e", std::vector<std::string>{}).endObject();
    BOOST_TEST(w.text() == R"({"z":1,"a":"x","m":[true,null],"o":{},"e":[]})");
    // What it writes is JSON the reader takes.
    BOOST_TEST(yishi::parseJson(w.text()).isOk());
}

BOOST_AUTO_TEST_CASE(arrays_of_containers_are_separated) {
    JsonWriter w;
    w.beginArray();
    for (int i = 0; i < 3; ++i) w.beginObject().member("i", i).endObject();
    w.beginArray().endArray().endArray();
    BOOST_TEST(w.take() == R"([{"i":0},{"i":1},{"i":2},[]])");
}

BOOST_AUTO_TEST_CASE(scalars_are_written_as_the_common_writer_does) {
    JsonWriter w;
    w.beginArray()
        .value(std::int64_t{INT64_MIN})
        .value(std::uint64_t{18446744073709551615u})
        .value(2.0)
        .value(0.1)
        .value(std::nan(""))
        .value(HUGE_VAL)
        .value(std::optional<std::int64_t>())
        .value(std::optional<std::int64_t>(7))
        .value("a\"\n友")
        .value(Value(Value::Object{{"b", 1}, {"a", 2}}))
        .endArray();
    BOOST_TEST(w.text() ==
               R"([-9223372036854775808,18446744073709551615,2.0,0.1,null,null,null,7,"a\"\n友",{"a":2,"b":1}])");
}

BOOST_AUTO_TEST_SUITE_END()
