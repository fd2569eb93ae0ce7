# Email texts (English). Keep the keys in the same order as nl/mail.ftl.

## Every mail

mail-greeting = Dear { $name },
mail-footer = You receive this email from wise-monitor, the platform of the region's social enterprises.
mail-unsubscribe = Unsubscribe
mail-unsubscribe-text = No longer want these emails? Unsubscribe:

## Test message (checks that mail leaves the platform)

mail-test-subject = Test message for { $name }
mail-test-body = This is a test message from wise-monitor. If you can read it, email delivery works.
mail-test-link = Open wise-monitor
