"""Hand-placed tickets with fixed ids (see `facts.py`): hostile-but-realistic content for
rendering tests, a table, attachments, locks and a hold. All active, all recent."""

from __future__ import annotations

from dataclasses import dataclass

from tui.demo import facts
from tui.demo.seed.scenario import Scenario


@dataclass(frozen=True)
class Special:
    scenario: Scenario
    status: str
    customer: int
    agent: int | None
    is_hold: bool = False
    locked_by: int | None = None
    sla: str | None = None
    reply_attachments: tuple[tuple[int, str], ...] = ()  # (reply index, file kind)


_TABLE = (
    "<table><thead><tr><th>Month</th><th>Seats billed</th><th>Seats used</th>"
    "<th>Amount</th></tr></thead><tbody>"
    "<tr><td>January</td><td>40</td><td>38</td><td>$3,480.00</td></tr>"
    "<tr><td>February</td><td>40</td><td>41</td><td>$3,480.00</td></tr>"
    "<tr><td>March</td><td>55</td><td>42</td><td>$4,785.00</td></tr>"
    "</tbody></table>"
)

SPECIALS: dict[int, Special] = {
    facts.RICH_MARKUP_TICKET_ID: Special(
        Scenario(
            subject="[bold red]Refund[/] not processed for order #4417",
            department=3,
            labels=("refund", "billing"),
            opening="<p>Your system shows my refund as [green]APPROVED[/green] but nothing "
            "arrived. Order #4417, paid 12/03. [link=https://evil.example]Click[/link] is "
            "what your email said, literally with the brackets.</p>",
        ),
        status="awaiting_agent",
        customer=133,
        agent=facts.ADMIN_ID,
        sla="warning",
    ),
    facts.CJK_TICKET_ID: Special(
        Scenario(
            subject="プリンターが動かない 打印机无法打印",
            department=4,
            labels=("printer",),
            opening="<p>お世話になっております。</p><p>3階のプリンターが動きません。"
            "電源は入っていますが、印刷ジョブが「待機中」のままです。</p>"
            "<p>打印机一直显示“等待中”，无法打印。</p><p>山田</p>",
            replies=(
                "<p>Hi $customer, 山田様</p><p>Could you restart the print spooler? "
                "(プリントスプーラーを再起動してください。)</p><ol><li>Win + R → "
                "<code>services.msc</code></li><li>Print Spooler → 再起動</li></ol>",
            ),
        ),
        status="awaiting_user",
        customer=127,
        agent=facts.ADMIN_ID,
    ),
    facts.SCRIPT_TICKET_ID: Special(
        Scenario(
            subject="Embedded widget breaks our portal page",
            department=1,
            labels=("bug", "integration"),
            urgency=(6, 6),
            opening="<style>body { display: none !important; } .x { color: red }</style>"
            "<p>After pasting your widget snippet the page goes blank. Here is exactly what "
            "we pasted:</p><script>alert('xss'); document.location='https://evil.example'"
            '</script><p>Any idea? <img src="x" onerror="alert(1)"></p>',
        ),
        status="awaiting_agent",
        customer=112,
        agent=facts.AGENT_ID,
        sla="fail",
    ),
    facts.TABLE_TICKET_ID: Special(
        Scenario(
            subject="Discrepancies in the Q1 usage report",
            department=3,
            labels=("billing", "invoice"),
            opening="<p>Hi, our Q1 numbers don't add up. We were billed for 55 seats in "
            "March but only 42 were used:</p>" + _TABLE + "<p>Can you check?</p>",
            replies=(
                "<p>Hi $customer,</p><p>You're right that March shows 55 billed seats: 15 "
                "seats were added on 2 March &amp; removed on the 28th. I've asked billing to "
                'prorate them. <a href="https://billing.example.com/q1">Your Q1 statement'
                "</a> will update within a day.</p>",
            ),
        ),
        status="awaiting_user",
        customer=105,
        agent=12,
    ),
    facts.ATTACHMENTS_TICKET_ID: Special(
        Scenario(
            subject="Screenshots and logs from the failed deployment",
            department=1,
            labels=("bug", "outage"),
            urgency=(7, 7),
            attachments=("screenshot", "photo", "log", "pdf", "csv"),
            opening="<p>Deploy #5531 failed at the migration step. Attached: a screenshot of "
            "the error dialog, a photo of the rack display, the deploy log, the change "
            "request (PDF) and the list of affected users (CSV).</p>",
            note="<p>Internal: third failed deploy on this account this month. "
            "<b>Loop in Greg</b> before promising a date.</p>",
            replies=(
                "<p>Thanks $customer. The migration timed out on a locked table; see the "
                "attached runbook for the retry steps.</p>",
                "<p>Retried and it went through. One more screenshot of the final state "
                "attached.</p>",
            ),
        ),
        status="awaiting_agent",
        customer=113,
        agent=facts.ADMIN_ID,
        reply_attachments=((0, "pdf"), (1, "screenshot")),
    ),
    facts.LONG_SUBJECT_TICKET_ID: Special(
        Scenario(
            subject="🔥 Whole team locked out of the reporting dashboard since last night's "
            "upgrade and the CEO needs the Q3 numbers for the 9am board meeting — please "
            "help as soon as humanly possible 🙏",
            department=1,
            labels=("outage", "vip"),
            urgency=(10, 10),
            opening="<p>Everyone gets <em>&quot;403 Forbidden&quot;</em> on /reports since "
            "the upgrade. 😱 Please call me: +1 555 0100.</p>",
        ),
        status="awaiting_agent",
        customer=113,
        agent=None,
        sla="fail",
    ),
    facts.LOCKED_TICKET_ID: Special(
        Scenario(
            subject="Audit log export for compliance review",
            department=1,
            labels=("security",),
            opening="<p>Our auditors need the full audit log for 2024 as CSV. Is that "
            "possible?</p>",
        ),
        status="awaiting_agent",
        customer=114,
        agent=8,
        locked_by=8,
    ),
    facts.HOLD_TICKET_ID: Special(
        Scenario(
            subject="Contract renewal waiting on legal",
            department=5,
            opening="<p>Our legal team is still reviewing the renewal contract. Please keep "
            "the current terms until we sign.</p>",
            replies=(
                "<p>No problem, $customer. I've put the renewal on hold until you're ready.</p>",
            ),
        ),
        status="pending",
        customer=104,
        agent=facts.ALESIA_BURVIN_ID,
        is_hold=True,
    ),
}

# Locks a colleague took at seeding time on the key agent's own tickets, so a fresh demo
# shows one in "My tickets". Applied after the dice are rolled, so every other seeded
# value stays as it was.
COLLEAGUE_LOCKS: dict[int, int] = {facts.COLLEAGUE_LOCKED_TICKET_ID: facts.ALESIA_BURVIN_ID}
