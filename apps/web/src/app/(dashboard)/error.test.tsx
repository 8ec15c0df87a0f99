import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import DashboardError from "./error.tsx";

/** A refusal as the tRPC client delivers it: the API's message and data.code. */
function clientError(code: string, message: string) {
  return Object.assign(new Error(message), { data: { code, httpStatus: 403 } });
}

const render = (error: unknown) =>
  renderToStaticMarkup(<DashboardError error={error} retry={() => {}} />).replaceAll("&#x27;", "'");

describe("the dashboard error page", () => {
  it.each([
    ["FORBIDDEN", "You can't open this", "Only super admins can browse the people directory."],
    ["NOT_FOUND", "Not found", "This app does not exist, or it belongs to another organization."],
  ])("shows a typed %s refusal in the API's words", (code, title, message) => {
    const html = render(clientError(code, message));
    expect(html).toContain(title);
    expect(html).toContain(message);
    expect(html).toContain("Back to Applications");
    expect(html).not.toContain("Try again");
  });

  it("keeps any other error's text to itself, offering a retry and the reference", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), {
      digest: "1234567",
    });
    const html = render(error);
    expect(html).toContain("Something went wrong");
    expect(html).toContain("Try again");
    expect(html).toContain("Reference 1234567");
    expect(html).not.toContain("10.0.0.5");
  });

  it("treats other typed codes and thrown non-errors as unexpected", () => {
    expect(render(clientError("CONFLICT", "Already completed by Ada."))).toContain(
      "Something went wrong",
    );
    expect(render("a string")).toContain("Something went wrong");
    expect(render(null)).toContain("Something went wrong");
  });
});
