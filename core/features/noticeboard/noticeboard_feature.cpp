#include "feature.h"
#include "http/noticeboard_routes.h"

namespace yishi::app {

namespace {

// 公开之栏: two services of one board (docs/noticeboard.md), notices and the
// accounts, each provided to the features after this one.
class NoticeboardFeature final : public Feature {
  public:
    explicit NoticeboardFeature(FeatureContext& c)
        : notices_(c.db, c.clock), accounts_(c.db, c.clock, c.calendar.utcOffset()) {
        c.provide(notices_);
        c.provide(accounts_);
    }
    void addRoutes(http::Router& router) override {
        http::addNoticeRoutes(router, notices_);
        http::addAccountRoutes(router, accounts_);
    }

  private:
    domain::NoticeService notices_;
    domain::AccountService accounts_;
};

}  // namespace

std::unique_ptr<Feature> make_noticeboard_feature(FeatureContext& c) { return std::make_unique<NoticeboardFeature>(c); }

}  // namespace yishi::app
