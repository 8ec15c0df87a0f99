import type { ReviewCampaignState } from "@lantern/domain";
import { Badge } from "~/components/ui/badge";
import { CAMPAIGN_STATE_LABEL } from "./review-labels.ts";

/** Running or Closed, and Overdue when a running campaign is past its due date. */
export function CampaignBadges({
  state,
  overdue,
}: {
  state: ReviewCampaignState;
  overdue: boolean;
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={state === "RUNNING" ? "blue" : "neutral"}>{CAMPAIGN_STATE_LABEL[state]}</Badge>
      {overdue ? <Badge tone="red">Overdue</Badge> : null}
    </span>
  );
}
