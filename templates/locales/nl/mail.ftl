# E-mailteksten (Nederlands). Houd de sleutels in dezelfde volgorde als en/mail.ftl.

## Elke e-mail

mail-greeting = Beste { $name },
mail-footer = U ontvangt deze e-mail van wise-monitor, het platform van de sociale ondernemingen in de regio.
mail-unsubscribe = Afmelden
mail-unsubscribe-text = Wilt u deze e-mails niet meer ontvangen? Afmelden:

## Testbericht (controleert dat e-mail het platform verlaat)

mail-test-subject = Testbericht voor { $name }
mail-test-body = Dit is een testbericht van wise-monitor. Kunt u het lezen, dan werkt het versturen van e-mail.
mail-test-link = Open wise-monitor
