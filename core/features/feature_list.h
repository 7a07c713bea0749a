// The features of the server, one line each, in the order they are wired:
// a feature may use the services of those above it. Adding a feature is its
// own folder plus one line here (no include guard: this list is read with
// different definitions of the two macros).
//
// YISHI_FEATURE(name): the feature's app part defines make_<name>_feature.
// YISHI_FEATURE_WITH_STORE(name): also add_<name>_stores in its storage part.
YISHI_FEATURE(communities)
YISHI_FEATURE(admin)
YISHI_FEATURE(settings)
YISHI_FEATURE_WITH_STORE(proposals)
YISHI_FEATURE_WITH_STORE(consultation)
YISHI_FEATURE_WITH_STORE(council)
YISHI_FEATURE_WITH_STORE(projects)
YISHI_FEATURE_WITH_STORE(conventions)
YISHI_FEATURE_WITH_STORE(escalations)
YISHI_FEATURE_WITH_STORE(cases)
YISHI_FEATURE_WITH_STORE(grids)
YISHI_FEATURE_WITH_STORE(noticeboard)
YISHI_FEATURE_WITH_STORE(polls)
YISHI_FEATURE(selection)
YISHI_FEATURE_WITH_STORE(points)
YISHI_FEATURE_WITH_STORE(elections)
YISHI_FEATURE_WITH_STORE(wish_rounds)
YISHI_FEATURE_WITH_STORE(notifications)
YISHI_FEATURE_WITH_STORE(dashboards)
