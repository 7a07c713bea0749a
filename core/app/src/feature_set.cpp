#include "feature_set.h"

namespace yishi::app {

#define YISHI_FEATURE(name) std::unique_ptr<Feature> make_##name##_feature(FeatureContext& context);
#define YISHI_FEATURE_WITH_STORE(name) YISHI_FEATURE(name)
#include "feature_list.h"
#undef YISHI_FEATURE
#undef YISHI_FEATURE_WITH_STORE

FeatureSet::FeatureSet(FeatureContext& context) {
#define YISHI_FEATURE(name) features_.push_back(make_##name##_feature(context));
#define YISHI_FEATURE_WITH_STORE(name) YISHI_FEATURE(name)
#include "feature_list.h"
#undef YISHI_FEATURE
#undef YISHI_FEATURE_WITH_STORE
}

FeatureSet::~FeatureSet() { stop(); }

void FeatureSet::stop() {
    while (!features_.empty()) features_.pop_back();
}

http::Router FeatureSet::routes() const {
    http::Router router;
    for (const auto& feature : features_) feature->addRoutes(router);
    return router;
}

void FeatureSet::start() {
    for (const auto& feature : features_) feature->start();
}

}  // namespace yishi::app
