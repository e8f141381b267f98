"""Support and hardware conversations for the seed."""

from __future__ import annotations

from tui.demo.seed.scenario import Scenario

SUPPORT = (
    Scenario(
        subject="Can't log in after password reset",
        department=1,
        labels=("password-reset",),
        urgency=(4, 7),
        opening="<p>Hi,</p><p>I reset my password this morning but the portal still says "
        "<em>&quot;Invalid credentials&quot;</em>. I've tried twice &amp; cleared my cookies. "
        "Can you help?</p><p>Thanks,<br>$customer</p>",
        note="<p>Checked the auth log: the account is locked after 5 failed attempts. "
        "Unlocking it now.</p>",
        replies=(
            "<p>Hi $customer,</p><p>Your account was locked after several failed attempts. "
            "I've unlocked it. Please try again:</p><ol><li>Go to "
            '<a href="https://portal.example.com/login">the login page</a></li>'
            "<li>Use the <strong>new</strong> password</li><li>Tick <em>Remember me</em> if "
            "you like</li></ol>",
            "<p>That worked, thank you so much!</p>",
            "<p>Glad to hear it, $customer. I'll close this ticket now.</p>",
        ),
    ),
    Scenario(
        subject="Export to CSV times out on large reports",
        department=1,
        labels=("bug",),
        urgency=(5, 8),
        attachments=("log",),
        opening="<p>Hello,</p><p>When I export the <b>Quarterly Activity</b> report (about "
        "40,000 rows) the browser spins for a minute and then shows a 504. Smaller exports "
        "work fine. The log from our proxy is attached.</p><p>$customer, $org</p>",
        note="<p>Reproduced on staging with 35k rows. Filed ENG-4821; the export runs in the "
        "request thread instead of the job queue.</p>",
        replies=(
            "<p>Hi $customer,</p><p>Thanks for the log, it helped a lot. I could reproduce it "
            "and our engineers are on it. Meanwhile you can:</p><ul><li>split the report by "
            "month, or</li><li>use the scheduled export, which emails you the file</li></ul>",
            "<p>The scheduled export works as a stopgap. Any ETA for the fix?</p>",
            "<p>The fix ships in next Tuesday's release. I'll let you know when it's live.</p>",
            "<p>Great, thanks for the update.</p>",
        ),
    ),
    Scenario(
        subject="Webhook deliveries failing with 401",
        department=1,
        labels=("integration", "api"),
        urgency=(5, 9),
        opening="<p>Since yesterday 14:00 UTC every webhook to our endpoint fails with "
        "<code>401 Unauthorized</code>. We rotated our signing secret around that time. "
        "Where do we update it on your side?</p>",
        replies=(
            "<p>Hi $customer,</p><p>The secret lives under <em>Settings &gt; Integrations &gt; "
            "Webhooks</em>. Open the webhook, paste the new secret and press <b>Save</b>. "
            'Details are in <a href="https://docs.example.com/webhooks#secrets">our docs</a>.'
            "</p>",
            "<p>Updated, and deliveries are green again. Can failed ones be replayed?</p>",
            "<p>Yes: select them in the delivery log and choose <em>Redeliver</em>. They are "
            "kept for 7 days.</p>",
        ),
    ),
    Scenario(
        subject="Feature request: dark mode for the agent app",
        department=1,
        labels=("feature-request",),
        urgency=(1, 3),
        opening="<p>Our night shift would love a dark theme. Staring at a white screen at "
        "3am is rough!</p>",
        replies=(
            "<p>Hi $customer, thanks for the suggestion! I've added your vote to the feature "
            "request. I can't promise a date, but it's one of the most requested items.</p>",
            "<p>Thanks. Please let us know if there's a beta.</p>",
        ),
    ),
    Scenario(
        subject="Mobile app crashes when opening attachments",
        department=1,
        labels=("bug", "mobile"),
        urgency=(4, 7),
        attachments=("screenshot",),
        opening="<p>The iOS app (version 5.2.1) closes as soon as I tap a PDF attachment. "
        "Screenshot of the last screen before the crash attached. iPhone 14, iOS 17.4.</p>",
        replies=(
            "<p>Hi $customer,</p><p>Sorry about that. Could you tell me:</p><ol><li>Does it "
            "happen with images too, or only PDFs?</li><li>Is the PDF larger than 20 MB?</li>"
            "</ol>",
            "<p>Only PDFs, and it's small, about 300 KB.</p>",
            "<p>Thanks, that matches a known issue fixed in 5.2.2, out today in the App Store. "
            "Please update and let me know.</p>",
        ),
    ),
    Scenario(
        subject="SSO: users bounced back to the login page",
        department=1,
        labels=("security", "integration"),
        urgency=(6, 9),
        opening="<p>After switching our IdP to the new tenant, users who sign in with SSO "
        "land back on the login page. No error shown. About 120 people affected.</p>",
        note="<p>SAML response has the old audience URI. Customer must update the entity ID "
        "in their IdP.</p>",
        replies=(
            "<p>Hi $customer,</p><p>The assertion we receive still uses the old audience "
            "<code>https://sso.example.com/old</code>. In your IdP, set the Entity ID to the "
            "value shown on <em>Admin &gt; SSO</em>, then try again.</p>",
            "<p>Changed it, and logins work again. You saved our morning.</p>",
            "<p>Happy to help! Closing this one.</p>",
        ),
    ),
    Scenario(
        subject="Emails from the helpdesk land in spam",
        department=1,
        urgency=(3, 6),
        opening="<p>Several of our customers say replies from your system end up in their "
        "junk folder. Is there something we should configure?</p>",
        replies=(
            "<p>Hi $customer,</p><p>Most likely SPF/DKIM aren't set for your sending domain. "
            "Add these DNS records:</p><ul><li><code>TXT</code> "
            "<code>v=spf1 include:mail.example.com ~all</code></li><li>the DKIM key from "
            "<em>Admin &gt; Email &gt; Domains</em></li></ul>",
            "<p>Records added. How long until it takes effect?</p>",
            "<p>DNS usually updates within an hour; the domain page will turn green once we "
            "can verify it.</p>",
            "<p>It's green now. Thanks!</p>",
        ),
    ),
    Scenario(
        subject="How do I merge two tickets?",
        department=1,
        urgency=(1, 3),
        opening="<p>A customer emailed twice about the same problem and now we have two "
        "tickets. Can they be merged?</p>",
        replies=(
            "<p>Hi $customer,</p><p>Yes: open one ticket, choose <em>Actions &gt; Merge</em> "
            "and pick the other. Messages, attachments &amp; notes are combined into the older "
            "ticket.</p>",
            "<p>Perfect, done.</p>",
        ),
    ),
    Scenario(
        subject="API rate limit too low for nightly sync",
        department=1,
        labels=("api",),
        urgency=(3, 6),
        opening="<p>Our nightly sync of ~80k records hits HTTP 429 after a few minutes. "
        "Can you raise the hourly limit of our API key?</p>",
        replies=(
            "<p>Hi $customer,</p><p>Limits are set per key by your admin. Until then, honour "
            "the <code>Retry-After</code> header and request 200 records a page; that usually "
            "fits in the limit.</p>",
            "<p>Using count=200 cut the number of requests by 20x. All good now.</p>",
        ),
    ),
    Scenario(
        subject="Outage: dashboard not loading",
        department=1,
        labels=("outage",),
        urgency=(8, 10),
        opening="<p><strong>URGENT</strong>: nobody in our office can load the dashboard. "
        "Just a blank page. Is something down?</p>",
        note="<p>Status page shows degraded performance in EU-West since 09:12. Linking to "
        "incident INC-311.</p>",
        replies=(
            "<p>Hi $customer,</p><p>We're having an incident in the EU-West region. Follow "
            'updates on <a href="https://status.example.com">our status page</a>. Sorry for '
            "the disruption.</p>",
            "<p>It's back for us now.</p>",
            "<p>Confirmed resolved at 10:47 UTC. A post-mortem will be published this week.</p>",
        ),
    ),
    Scenario(
        subject="Printer on 3rd floor prints blank pages",
        department=4,
        labels=("printer",),
        urgency=(2, 5),
        attachments=("photo",),
        opening="<p>The HP LaserJet on the 3rd floor feeds paper but every page comes out "
        "blank. Photo of a test page attached.</p>",
        replies=(
            "<p>Hi $customer,</p><p>That's usually the toner cartridge's seal. Could you:</p>"
            "<ol><li>open the front door</li><li>remove the cartridge</li><li>pull the orange "
            "tab all the way out</li></ol><p>and print a test page?</p>",
            "<p>There WAS a tab still in there. Printing fine now, embarrassing!</p>",
            "<p>Happens all the time, don't worry. Closing the ticket.</p>",
        ),
    ),
    Scenario(
        subject="Replacement laptop charger",
        department=4,
        urgency=(2, 4),
        opening="<p>My laptop charger (USB-C, 65 W) stopped working. Can I get a "
        "replacement? Asset tag LT-20931.</p>",
        replies=(
            "<p>Hi $customer, a replacement is on its way to your desk; it should arrive "
            "tomorrow before noon.</p>",
            "<p>Got it, thanks!</p>",
        ),
    ),
    Scenario(
        subject="Docking station: external monitors flicker",
        department=4,
        urgency=(3, 5),
        opening="<p>Both monitors on my dock flicker every few seconds. Cables are new.</p>",
        replies=(
            "<p>Hi $customer,</p><p>Please update the dock firmware from the "
            '<a href="https://support.example.com/dock-fw">vendor page</a> and set both '
            "monitors to 60&nbsp;Hz.</p>",
            "<p>Firmware updated; the flicker is gone on one screen but not the other.</p>",
            "<p>Let's swap the second monitor then. I'll bring one over this afternoon.</p>",
        ),
    ),
    Scenario(
        subject="Scanner sends to wrong email address",
        department=4,
        labels=("printer",),
        urgency=(2, 4),
        opening="<p>Scan-to-email from the copier goes to my old address "
        "(before the name change). How can I fix my profile?</p>",
        replies=(
            "<p>Hi $customer, the copier reads the address book nightly. I've updated your "
            "entry; it'll pick up the new address after tonight's sync.</p>",
        ),
    ),
)
