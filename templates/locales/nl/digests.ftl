# Scheduled digests (Dutch). Keep the keys in the same order as en/digests.ftl.

## Reporting reminders

mail-reminder-opened-subject = Cijfers over { $period } kunnen worden ingestuurd: { $organisation }
mail-reminder-due-soon-subject = Herinnering: de cijfers over { $period } moeten binnenkort binnen zijn ({ $organisation })
mail-reminder-overdue-subject = De cijfers van { $organisation } over { $period } ontbreken
mail-reminder-opened-body = De rapportageperiode { $period } is geopend. Stuur de cijfers van { $organisation } uiterlijk { $due } in. Het formulier is al ingevuld met uw vorige cijfers: is er niets veranderd, controleer ze dan en verstuur.
mail-reminder-due-soon-body = De cijfers van { $organisation } over { $period } moeten uiterlijk { $due } binnen zijn en zijn nog niet verstuurd.
mail-reminder-overdue-body = De cijfers van { $organisation } over { $period } moesten uiterlijk { $due } binnen zijn en ontbreken nog. Stuur ze zo snel mogelijk in.
mail-reminder-button = Formulier openen
mail-reminder-previous = Uw cijfers over { $period }:

## Sector summary

mail-summary-subject = Sectoroverzicht { $month }
mail-summary-open = Inzendingen over { $period }: { $reporting } van { $approved } ondernemingen ({ $rate }%), { $missing } ontbreken.
mail-summary-report = Cijfers over { $period } (verandering ten opzichte van { $previous }):
mail-summary-report-button = Sectorrapportage openen
mail-summary-status-button = Bekijk wie nog niet heeft ingestuurd
mail-summary-exact = Exacte cijfers: niet voor publicatie.

## Unsubscribe page

unsubscribe-title = Afmelden
unsubscribe-intro = Stuur { $email } deze e-mail niet meer:
unsubscribe-button = Afmelden
unsubscribe-done = { $email } ontvangt deze e-mail niet meer:

## Vocabulary: digest kinds

digest-sector-summary = maandelijkse sectoroverzichten
digest-reporting-reminders = herinneringen om cijfers in te sturen
