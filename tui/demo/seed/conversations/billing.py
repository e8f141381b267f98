"""Billing, sales and renewals conversations, and spam, for the seed."""

from __future__ import annotations

from tui.demo.seed.scenario import Scenario

BILLING = (
    Scenario(
        subject="Invoice INV-2041 charged twice",
        department=3,
        labels=("billing", "invoice", "refund"),
        urgency=(5, 8),
        attachments=("pdf",),
        opening="<p>Hello,</p><p>Our card was charged twice for invoice INV-2041 "
        "(€1,200.00 each, on the 3rd). The invoice PDF is attached. Please refund the "
        "duplicate.</p><p>Regards,<br>$customer<br>Finance, $org</p>",
        note="<p>Payment provider shows two captures 4 seconds apart; a retry bug. Refund "
        "approved by Hannah.</p>",
        replies=(
            "<p>Hi $customer,</p><p>You're right, the payment was captured twice. I've "
            "refunded the duplicate; it takes 5–10 business days to appear on your "
            "statement.</p>",
            "<p>Thank you. Could you send a confirmation for our books?</p>",
            "<p>Of course: the refund reference is <code>RF-88213</code>. A credit note will "
            "arrive by email shortly.</p>",
        ),
    ),
    Scenario(
        subject="Change billing address on invoices",
        department=3,
        labels=("billing",),
        urgency=(1, 3),
        opening="<p>We moved offices. Please use the new address on future invoices:</p>"
        "<p>$org<br>Unit 4, 18 Harbour Road<br>Bristol BS1 5TT</p>",
        replies=(
            "<p>Hi $customer, done: invoices from the next cycle will show the new address.</p>",
            "<p>Thanks! Can you also reissue last month's invoice?</p>",
            "<p>Reissued and emailed to you.</p>",
        ),
    ),
    Scenario(
        subject="VAT number missing from invoice",
        department=3,
        labels=("invoice",),
        urgency=(2, 4),
        opening="<p>Our accountant needs our VAT number (GB 123 4567 89) printed on "
        "invoices. Where do I add it?</p>",
        replies=(
            "<p>Hi $customer,</p><p>Go to <em>Billing &gt; Company details</em> and fill in "
            "<b>Tax ID</b>. Future invoices will include it; I've also regenerated the last "
            "three for you.</p>",
        ),
    ),
    Scenario(
        subject="Downgrade plan at renewal",
        department=5,
        urgency=(2, 5),
        opening="<p>We'd like to move from the Enterprise plan to Business at our renewal "
        "next month. What do we lose?</p>",
        replies=(
            "<p>Hi $customer,</p><p>The main differences:</p><ul><li>SSO and audit logs are "
            "Enterprise-only</li><li>the API limit drops from 5,000 to 1,000 requests an "
            "hour</li><li>priority support becomes standard support</li></ul><p>Want me to "
            "schedule the change?</p>",
            "<p>Hmm, we need SSO. Let's stay on Enterprise, but can you do anything on price?</p>",
            "<p>I've asked our sales team; Sofia will get back to you with an offer.</p>",
        ),
    ),
    Scenario(
        subject="Quote for 50 additional seats",
        department=2,
        urgency=(3, 6),
        attachments=("csv",),
        opening="<p>Hi, we're onboarding a new team and need 50 more agent seats. "
        "The list of users is attached. Could you send a quote?</p>",
        replies=(
            "<p>Hi $customer,</p><p>Thanks for growing with us! For 50 seats on your current "
            "plan the prorated price is <b>$4,350.00</b> until your renewal. Shall I send the "
            "order form?</p>",
            "<p>Yes please, to procurement@$domain.</p>",
            "<p>Sent! Once it's signed the seats are added within the hour.</p>",
        ),
    ),
    Scenario(
        subject="Trial extension request",
        department=2,
        labels=("onboarding",),
        urgency=(2, 4),
        opening="<p>Our trial ends Friday but we haven't finished evaluating the reporting "
        "module. Could we get two more weeks?</p>",
        replies=(
            "<p>Hi $customer, I've extended your trial by 14 days. If you'd like a demo of "
            'reporting, <a href="https://calendar.example.com/sales">book a slot here</a>.</p>',
            "<p>Booked for Thursday. Thanks!</p>",
        ),
    ),
    Scenario(
        subject="Onboarding: importing tickets from Zendesk",
        department=2,
        labels=("onboarding", "integration"),
        urgency=(3, 6),
        opening="<p>We're migrating from Zendesk (about 200k tickets). Is there an "
        "importer, and does it keep attachments &amp; custom fields?</p>",
        note="<p>Large import: loop in the onboarding team before quoting a timeline.</p>",
        replies=(
            "<p>Hi $customer,</p><p>Yes, the importer keeps:</p><ol><li>tickets and "
            "messages</li><li>attachments</li><li>custom fields (mapped during setup)</li>"
            "</ol><p>For 200k tickets plan on roughly a day.</p>",
            "<p>Sounds good. Can we do a test run on a sandbox first?</p>",
            "<p>Absolutely. I've created a sandbox and sent you the invite.</p>",
        ),
    ),
    Scenario(
        subject="Refund for unused months",
        department=3,
        labels=("refund", "billing"),
        urgency=(3, 6),
        opening="<p>We closed our office in Lyon and no longer need 10 of our seats. Can we "
        "get a refund for the remaining 7 months?</p>",
        replies=(
            "<p>Hi $customer,</p><p>Annual plans aren't refundable mid-term, but I can move "
            "those seats to credit on your account for the next renewal.</p>",
            "<p>Credit works for us.</p>",
            "<p>Done: a credit of $2,030.00 is on your account.</p>",
        ),
    ),
    Scenario(
        subject="Payment failed: card expired",
        department=3,
        labels=("billing",),
        urgency=(4, 7),
        opening="<p>We got an email saying the payment failed. Our card expired last "
        "month; how do I update it without losing access?</p>",
        replies=(
            "<p>Hi $customer, your access is safe for 14 days. Update the card under "
            "<em>Billing &gt; Payment methods</em> and we'll retry the charge "
            "automatically.</p>",
            "<p>Updated. Thanks for the quick answer.</p>",
        ),
    ),
)

SPAM = (
    Scenario(
        subject="Congratulations!!! You have WON a $1000 gift card",
        department=1,
        spam=True,
        opening='<p>Dear Winner,</p><p>Click <a href="http://prize.example.net/claim">'
        "HERE</a> to claim your prize before it expires!!!</p>",
    ),
    Scenario(
        subject="SEO services for your website - first page on Google",
        department=2,
        spam=True,
        opening="<p>Hello Sir/Madam, we can bring your website to the first page of Google "
        "in 7 days. Reply for our price list.</p>",
    ),
)
