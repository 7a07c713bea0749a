#include "feature.h"
#include "http/consultation_routes.h"

namespace yishi::app {

std::unique_ptr<Feature> make_consultation_feature(FeatureContext& c) {
    domain::ConsultationService::Options options;
    options.edit_window = c.default_settings.comment_edit_window;
    options.auto_hide_reports = c.default_settings.auto_hide_reports;
    return serviceFeature<domain::ConsultationService>(c, http::addConsultationRoutes, c.db, c.clock, options);
}

}  // namespace yishi::app
