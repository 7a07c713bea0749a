#include "feature.h"
#include "http/grids_routes.h"
#include "yishi/domain/case_service.h"

namespace yishi::app {

namespace {

// 小区, 网格 and 帮办代办 (docs/grids.md): two services of one feature, each
// provided to the features after this one.
class GridsFeature final : public Feature {
  public:
    explicit GridsFeature(FeatureContext& c)
        : grids_(c.db, c.clock),
          assistance_(c.db, c.service<domain::ProposalService>(), c.service<domain::ConsultationService>(),
                      c.service<domain::CaseService>(), grids_) {
        c.provide(grids_);
        c.provide(assistance_);
        // A problem accepted in a grid goes to the grid's 网格员.
        c.service<domain::CaseService>().setRouting(grids_);
    }
    void addRoutes(http::Router& router) override {
        http::addGridRoutes(router, grids_);
        http::addAssistanceRoutes(router, assistance_);
    }

  private:
    domain::GridService grids_;
    domain::AssistanceService assistance_;
};

}  // namespace

std::unique_ptr<Feature> make_grids_feature(FeatureContext& c) { return std::make_unique<GridsFeature>(c); }

}  // namespace yishi::app
