#define BOOST_TEST_MODULE yishi
#include <boost/test/unit_test.hpp>
