// The one translation unit that compiles Asio's and Beast's non-template code
// (BOOST_ASIO_SEPARATE_COMPILATION, BOOST_BEAST_SEPARATE_COMPILATION).
// clang-format off
#include <utility>  // before Asio: awaitable.hpp uses std::exchange without including it
// clang-format on

#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
