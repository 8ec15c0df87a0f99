// Test doubles for the notification transports (`@lantern/notify/testing`): a real SMTP
// server, and loopback fakes of Resend's and Slack's HTTP APIs. For tests and the bench.
export { startSmtpSink, type CapturedMail, type SmtpFailure, type SmtpSink } from "./smtp-sink.ts";
export {
  FAKE_RESEND_API_KEY,
  startFakeResend,
  type DeliveredResendEmail,
  type FakeResend,
  type HeldResendRequest,
  type ResendEmailBody,
  type ResendFailure,
  type ResendRequestRecord,
} from "./fake-resend.ts";
export {
  FAKE_SLACK_TOKEN,
  startFakeSlack,
  type FakeSlack,
  type SlackCall,
  type SlackFailure,
  type SlackPostedMessage,
} from "./fake-slack.ts";
