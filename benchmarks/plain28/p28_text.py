"""Narrative pieces (summary, reason, immediate concerns, locations) for plain28 cases."""

from __future__ import annotations

EVENT = {
    'death': [
        ('infant', '{n} ({agep}) was found unresponsive in the early hours by {m}. Paramedics attended and {n} was taken '
                   'to {hosp}, where {pr} was pronounced dead shortly after arrival.'),
        ('infant', 'Ambulance called to the family home at about 06:40 after {m} woke to find {n} not breathing on the '
                   'sofa beside her. Resuscitation was attempted at the scene and continued at {hosp} but was '
                   'unsuccessful.'),
        ('young', '{n} ({agep}) drowned in a garden pond {place_phrase} after being left unsupervised for a period '
                  'that is not yet clear. {m} says she was upstairs; her partner {p} had been asked to watch the '
                  'children.'),
        ('older', '{n} ({agep}) was found hanged in {poss} bedroom by {m}. {n} had been self-harming for over a year and '
                  'was on the waiting list for a CAMHS assessment.'),
        ('any', '{n} ({agep}) sustained fatal head injuries at home. {m}\'s partner, {p}, has been arrested on suspicion '
                'of murder and remains in custody.'),
    ],
    'serious_harm': [
        ('infant', '{n} ({agep}) was brought to {hosp} with seizures. A CT scan showed bilateral subdural haemorrhages '
                   'and the skeletal survey found healing fractures of two ribs. No explanation has been given that '
                   'accounts for the injuries.'),
        ('infant', '{n} ({agep}) was admitted with a fractured femur and bruising to the face and ears. The account given '
                   'by {m} and {p} (a fall from the sofa) is not consistent with the injuries.'),
        ('young', '{n} ({agep}) swallowed methadone prescribed to {p} and needed ventilation. The bottle had been left '
                  'on the kitchen worktop without a child-proof cap.'),
        ('young', '{n} ({agep}) was found to be severely malnourished, weighing below the 0.4th centile, with untreated '
                  'dental abscesses. {n} had not been seen by any professional for several months.'),
        ('older', '{n} ({agep}) was stabbed in the thigh {place_phrase} and lost a large amount of blood. {n} had been '
                  'missing from home on several occasions and there are concerns about criminal exploitation.'),
        ('older', '{n} ({agep}) disclosed to a member of staff that {pr} had been sexually abused by an adult male '
                  'family friend over about two years. {n} has since needed hospital treatment.'),
        ('any', '{n} ({agep}) suffered deep partial-thickness scalds to the legs and buttocks. Treatment was not sought '
                'for two days.'),
    ],
    'lac_death': [
        ('older', '{n} ({agep}), looked after under a full care order and living in a residential children\'s home, was '
                  'found dead {place_phrase} after being reported missing the previous evening. A suspected overdose '
                  'of street drugs is being investigated.'),
        ('any', '{n} ({agep}), who was looked after and placed with foster carers, died in {hosp} after a sudden '
                'collapse at the placement. The cause of death is not yet known.'),
        ('young', '{n} ({agep}), looked after under section 20 and living with connected-person foster carers, died after '
                  'an incident in the bath. The carer says {n} was left for a few minutes.'),
    ],
    'care_leaver_death': [
        ('adult', '{n} ({agep}), a care leaver supported by the Leaving Care Team, was found dead in {poss} supported '
                  'accommodation. A suspected drug overdose is being investigated; {n} had been evicted from two '
                  'previous tenancies.'),
        ('adult', '{n} ({agep}), a former looked after young person receiving support from a personal adviser, died by '
                  'suspected suicide. {n} had told services that {pr} felt isolated since moving into {poss} own flat.'),
    ],
    'other': [
        ('any', 'Concerns came to light about {n} ({agep}) that do not fit the usual categories: {other_lc}. {n} is '
                'safe at present but the circumstances raise serious questions about how agencies shared information.'),
        ('any', '{n} ({agep}) was identified during a routine contact as being at serious risk: {other_lc}. Several '
                'agencies had partial information beforehand.'),
    ],
}

BACKGROUND = [
    'The family moved to the area about eighteen months ago. There were earlier referrals from health visiting about '
    'home conditions and missed appointments, which were closed after advice and guidance.',
    'There is a history of domestic abuse between {m} and {p}; two incidents were reported to the police last year and '
    'one MARAC referral was made.',
    '{m} has a history of low mood and alcohol use. She was open to adult mental health services until last spring and '
    'was discharged after not attending.',
    'Children\'s Social Care completed a single assessment last year which closed with no further action. Early Help '
    'support was offered and declined.',
    'The children were subject to child protection plans for neglect in a previous authority; the plans ended when the '
    'family moved and the transfer-in conference did not take place.',
    'Attendance at school and nursery had dropped sharply in the autumn term and staff noticed the children were often '
    'hungry. A referral to Early Help was made but the family did not engage.',
]

SINCE = [
    'A strategy discussion was held the next day with police, health and children\'s social care. Section 47 enquiries '
    'were started for {n} and the other children in the household, and a child protection medical was arranged.',
    '{m} and {p} have given differing accounts of the hours before the incident. {p} was interviewed under caution and '
    'released on bail with conditions not to have unsupervised contact with any child.',
    'Since the incident the family have moved to stay with relatives outside the area. Their new local authority has '
    'been informed and a transfer-in meeting is being arranged.',
    'Records checks show {n} was seen by the GP twice in the last three months, once with a bruise that was recorded '
    'as accidental, and missed two appointments with the community paediatrician.',
]

SENDER_PARA = {
    'dunstanmoor_csc': ['The family were open to the Assessment and Intervention Team at the time; a single assessment '
                        'had started four weeks earlier after a referral from the school.',
                        'I was the allocated social worker. My last home visit was about ten days before the incident; '
                        'the home was cluttered but the children presented as well.'],
    'halsey_mcit': ['MCIT attended the scene and a crime scene was held. A joint agency response was started with the '
                    'on-call paediatrician and a home visit completed.',
                    'Enquiries are ongoing. House-to-house and CCTV enquiries have been completed and the Home Office '
                    'post-mortem has been arranged.'],
    'stmargarets_pri': ['{n} has been at our school since Reception. Staff had logged concerns about tiredness, '
                        'hunger and unexplained marks during the autumn term; these were passed to the DSL.',
                        'Class staff noticed changes in {n}\'s behaviour after half term. Two conversations with {m} '
                        'were recorded on CPOMS.'],
    'greythorne_picu': ['{n} was retrieved to PICU, intubated and ventilated. A child protection medical was '
                        'completed jointly with the on-call consultant paediatrician and a strategy discussion was held '
                        'the same day.',
                        'On PICU {n} needed ventilation for five days. The family\'s account has changed more than once '
                        'during the admission.'],
    'brightstep_mentor': ['I have been mentoring {n} every week since September. Recently {n} seemed worried and '
                          'mentioned older lads "looking after" {obj}. I passed this on to our safeguarding lead.',
                          '{n} was matched with a mentor last spring after a referral from school. Sessions had become '
                          'irregular and {n} had missed the last three.'],
    'wreyburn_send': ['{n} has an EHC plan. The annual review was overdue and the setting had raised concerns about '
                      'weight loss and missed medical appointments.',
                      'The EHC needs assessment was completed last year. The placement named in the plan had reported '
                      'several non-attendance episodes and marks on {n}\'s arms.'],
}

REASONS = {
    'abuse': ['Abuse or neglect is suspected and a number of agencies were involved with the family. There are '
              'questions about how information was shared between health, education and social care before the '
              'incident.',
              'The child was known to several services and there were missed opportunities to escalate concerns. We '
              'believe the case meets the criteria and there is learning for the whole partnership.',
              'Neglect is suspected. Concerns were raised by different professionals at different times but were not '
              'brought together.'],
    'nai': ['Serious harm with suspected non-accidental injury. The family had contact with universal services only '
            'and we think there is learning about recognising risk in non-mobile babies.',
            'Suspected inflicted injury to a very young child. Health, early years and children\'s services all had '
            'contact with the family in the months before.'],
    'exploit': ['Concerns about exploitation were known to police, school and youth services. We want the partnership '
                'to look at whether the multi-agency response was joined up.'],
    'care': ['The young person was looked after or had recently left care and there may be learning about placement '
             'stability, transition planning and support for care leavers.'],
    'noabuse': ['Abuse or neglect is not suspected at this stage, but the family were known to several agencies and we '
                'would like the partnership to consider whether there is learning about how risk was shared.',
                'We are not sure the criteria are met. We are referring so that the partnership can decide, because '
                'several agencies were involved and the outcome was very serious.'],
}

IMMEDIATE = [
    'Siblings are staying with their maternal grandmother under a safety plan. Strategy discussion held; section 47 '
    'enquiries under way.',
    'No other children live in the household. No immediate concerns.',
    'The other children have been placed in foster care under police protection, now section 20. Contact is supervised.',
    'A younger sibling remains at home with mother; daily visits and a safety plan are in place while enquiries continue.',
    'The suspect is on bail with conditions not to contact the family. Schools have been informed.',
    'None at present - the young person is in hospital and well supported.',
]

LOCATIONS = {
    'home': [('Family home', 'at the family home'), ('Home address', 'at home'), ('At home (bedroom)', 'at home'),
             ('The family home, {street}', 'at the family home'), ('Mother\'s flat', 'at his mother\'s flat')],
    'public': [('Hollin Park play area, {town}', 'in Hollin Park play area'),
               ('Canal towpath near {street}, {town}', 'on the canal towpath near {street}'),
               ('Outside the Co-op on {street}', 'outside the Co-op on {street}'),
               ('Bus station, {town}', 'at {town} bus station')],
    'care': [('Residential children\'s home, {town}', 'at the children\'s home'),
             ('Foster placement, {town}', 'at the foster placement'),
             ('Supported accommodation, {town}', 'at the supported accommodation')],
    'water': [('Garden pond at the family home', 'in the garden'), ('Garden pond, {street}', 'in the garden')],
}
