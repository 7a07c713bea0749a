#include "feature.h"
#include "http/consultation_routes.h"
#include "yishi/domain/consultation_changes.h"
#include "yishi/domain/proposal_service.h"

namespace yishi::app {

std::unique_ptr<Feature> make_consultation_feature(FeatureContext& c) {
    domain::ConsultationService::Options options;
    options.edit_window = c.default_settings.comment_edit_window;
    options.auto_hide_reports = c.default_settings.auto_hide_reports;
    auto feature = serviceFeature<domain::ConsultationService>(c, http::addConsultationRoutes, c.db, c.clock, options);
    // Supports are counted in public, never listed by name.
    for (const domain::ChangeKind* kind : {&domain::changes::kSupportGiven, &domain::changes::kSupportWithdrawn}) {
        c.service<domain::ProposalService>().keepActorPrivate(*kind);
    }
    return feature;
}

}  // namespace yishi::app
