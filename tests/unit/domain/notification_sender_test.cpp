// The delivery queue over the real store (docs/notifications.md): a
// message a receiver keeps refusing is tried with a doubling backoff and
// given up after kMaxDeliveryAttempts; one whose district dropped the
// channel fails at once; the sender never sends before a message is due.
// The channels are a fake that answers as told.
#include <boost/test/unit_test.hpp>

#include <vector>

#include "unit/domain/domain_world.h"
#include "yishi/domain/delivery_sender.h"
#include "yishi/domain/notification_processor.h"
#include "yishi/domain/notification_service.h"

using namespace yishi;
using namespace yishi::domain;
using yishi::testing::World;

namespace {

class FakeChannels final : public OutboundChannels {
  public:
    std::string send(const OutboundMessage& m) override {
        sent.push_back(m);
        return answer;
    }
    std::vector<OutboundMessage> sent;
    std::string answer = "the webhook answered 503";
};

// A district with a webhook, committee A wanting it, and an urgent item for
// them: the first response to a resident's problem is overdue.
struct Delivering {
    World w;
    NotificationService notifications{*w.db, w.clock, w.secrets};
    NotificationProcessor processor{*w.db, w.clock, {}};
    FakeChannels channels;
    DeliverySender sender{*w.db, w.clock, channels};
    std::int64_t delivery = 0;

    Delivering() {
        NotificationService::DeliveryInput in;
        in.webhook_url = "http://relay.example.cn/yishi";
        BOOST_REQUIRE(notifications.saveDeliverySettings(w.actor(w.admin_id), w.district, in).isOk());
        NotificationPreferences prefs;
        prefs.webhook = true;
        BOOST_REQUIRE(notifications.savePreferences(w.actor(w.committee_a), prefs).isOk());
        const UserId zhao = w.signUpResident("zhao").user.id;
        BOOST_REQUIRE(
            w.communities.decide(w.actor(w.committee_a), w.a.id, zhao, VerificationDecision::kVerify, "").isOk());
        BOOST_REQUIRE(
            w.proposals.create(w.actor(zhao), w.a.id, testing::draft(ProposalKind::kProblem, "路灯不亮", "", true))
                .isOk());
        while (processor.processBatch().value() > 0) {
        }
        w.clock.advance(Duration::hours(16));
        BOOST_REQUIRE(processor.processDue().value() >= 1);
        auto queue = notifications.deliveries(w.actor(w.admin_id), w.district, {}).value();
        BOOST_REQUIRE_EQUAL(queue.items.size(), 1u);
        delivery = queue.items[0].id;
        BOOST_REQUIRE(queue.items[0].next_attempt_at <= w.clock.now());  // urgent: not held for the night
    }

    Delivery current() {
        auto queue = notifications.deliveries(w.actor(w.admin_id), w.district, {}).value();
        for (const Delivery& d : queue.items) {
            if (d.id == delivery) return d;
        }
        BOOST_FAIL("the delivery is gone");
        return {};
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(notification_sender)

BOOST_AUTO_TEST_CASE(a_refused_message_backs_off_doubling_and_is_given_up_after_the_cap) {
    Delivering d;
    std::int64_t expected_wait = 30;
    for (int attempt = 1; attempt <= kMaxDeliveryAttempts; ++attempt) {
        BOOST_TEST(d.sender.sendDue().value() == 1);
        Delivery now = d.current();
        BOOST_TEST(now.attempts == attempt);
        BOOST_TEST(now.last_error == "the webhook answered 503");
        if (attempt == kMaxDeliveryAttempts) {
            BOOST_TEST(deliveryStatusName(now.status) == std::string("failed"));
            break;
        }
        BOOST_TEST(deliveryStatusName(now.status) == std::string("pending"));
        BOOST_TEST((now.next_attempt_at - d.w.clock.now()).seconds() == std::min<std::int64_t>(expected_wait, 3600));
        // Not due yet: nothing is sent.
        BOOST_TEST(d.sender.sendDue().value() == 0);
        d.w.clock.advance(Duration::seconds(std::min<std::int64_t>(expected_wait, 3600)));
        expected_wait *= 2;
    }
    BOOST_TEST(d.channels.sent.size() == static_cast<std::size_t>(kMaxDeliveryAttempts));
    d.w.clock.advance(Duration::days(1));
    BOOST_TEST(d.sender.sendDue().value() == 0);  // given up
}

BOOST_AUTO_TEST_CASE(a_message_is_sent_once_with_its_item_and_the_districts_secret) {
    Delivering d;
    d.channels.answer = "";
    BOOST_TEST(d.sender.sendDue().value() == 1);
    BOOST_TEST(deliveryStatusName(d.current().status) == std::string("sent"));
    BOOST_TEST(d.sender.sendDue().value() == 0);
    BOOST_REQUIRE_EQUAL(d.channels.sent.size(), 1u);
    const OutboundMessage& m = d.channels.sent[0];
    BOOST_TEST(m.url == "http://relay.example.cn/yishi");
    BOOST_TEST(m.secret ==
               d.notifications.deliverySettings(d.w.actor(d.w.admin_id), d.w.district).value().webhook_secret);
    BOOST_TEST(m.json.find("\"detail\":\"proposal.first_response.passed\"") != std::string::npos);
    BOOST_TEST(m.json.find("\"login\":\"committee.a\"") != std::string::npos);
    BOOST_TEST(m.json.find("\"urgent\":true") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_channel_the_district_dropped_fails_at_once) {
    Delivering d;
    NotificationService::DeliveryInput off;
    off.webhook_url = "";
    BOOST_REQUIRE(d.notifications.saveDeliverySettings(d.w.actor(d.w.admin_id), d.w.district, off).isOk());
    BOOST_TEST(d.sender.sendDue().value() == 1);
    BOOST_TEST(deliveryStatusName(d.current().status) == std::string("failed"));
    BOOST_TEST(d.current().attempts == 1);
    BOOST_TEST(d.channels.sent.empty());
}

BOOST_AUTO_TEST_SUITE_END()
