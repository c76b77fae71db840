namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

/// <summary>
/// The JSON samples of Tamara's in-store integration guide, verbatim
/// </summary>
public static class GuideSamples
{
    /// <summary>Step 1, sample request of POST /checkout/in-store-session</summary>
    public const string CreateSessionRequest = """
        {
          "total_amount": {
            "amount": 300,
            "currency": "SAR"
          },
          "phone_number": "534274516",
          "email": "customer@emailhere.com",
          "order_reference_id": "1231234123-234a-fe21-1234-a324af2",
          "order_number": "A1231234123",
          "items": [
            {
              "name": "Lego City 8601",
              "type": "Digital",
              "reference_id": "123",
              "sku": "SA-12436",
              "quantity": 1,
              "discount_amount": {
                "amount": 100,
                "currency": "SAR"
              },
              "tax_amount": {
                "amount": 10,
                "currency": "SAR"
              },
              "unit_price": {
                "amount": 490,
                "currency": "SAR"
              },
              "total_amount": {
                "amount": 100,
                "currency": "SAR"
              }
            }
          ],
          "locale": "ar_SA",
          "payment_type": "PAY_BY_INSTALMENTS",
          "additional_data": {
            "store_code": "Branch A"
          }
        }
        """;

    /// <summary>Step 1, sample response</summary>
    public const string CreateSessionResponse = """
        {
          "checkout_id": "34c4d9db-d56a-4155-8750-9281ac0f9ec3",
          "order_id": "3e318d93-0cbc-4689-9e6c-873daeb158de"
        }
        """;

    /// <summary>Step 3, first sample response of GET /merchants/orders/{order_id}: status new</summary>
    public const string OrderNew = """
        {
          "order_id": "0ac038ef-de4a-491c-828e-b02ec0d4582d",
          "order_reference_id": "1231234123",
          "order_number": "1231234123",
          "description": "lorem ipsum dolor lorem ipsum dolor lorem ipsum dolor",
          "consumer": {
            "first_name": "Mona",
            "last_name": "Lisa",
            "email": "customer@email.com",
            "phone_number": "966532298658",
            "national_id": "",
            "date_of_birth": "2023-07-10T00:00:00.000Z",
            "is_first_order": null
          },
          "status": "new",
          "shipping_address": {
            "first_name": "Mona",
            "last_name": "Lisa",
            "line1": "3764 Al Urubah Rd",
            "line2": "string",
            "region": "As Sulimaniyah",
            "postal_code": "",
            "city": "Riyadh",
            "country_code": "SA",
            "phone_number": "966532298658"
          },
          "billing_address": {
            "first_name": "Mona",
            "last_name": "Lisa",
            "line1": "3764 Al Urubah Rd",
            "line2": "string",
            "region": "As Sulimaniyah",
            "postal_code": "",
            "city": "Riyadh",
            "country_code": "SA",
            "phone_number": "966532298658"
          },
          "items": [
            {
              "reference_id": "123",
              "type": "Digital",
              "name": "Lego City 8601",
              "sku": "SA-12436",
              "quantity": 1,
              "tax_amount": {
                "amount": 10,
                "currency": "SAR"
              },
              "total_amount": {
                "amount": 100,
                "currency": "SAR"
              },
              "unit_price": {
                "amount": 490,
                "currency": "SAR"
              },
              "discount_amount": {
                "amount": 100,
                "currency": "SAR"
              },
              "image_url": "",
              "item_url": ""
            }
          ],
          "payment_type": "PAY_BY_INSTALMENTS",
          "instalments": 3,
          "total_amount": {
            "amount": 300,
            "currency": "SAR"
          },
          "shipping_amount": {
            "amount": 0,
            "currency": "SAR"
          },
          "tax_amount": {
            "amount": 0,
            "currency": "SAR"
          },
          "discount_amount": {
            "name": "Christmas 2020",
            "amount": {
              "amount": 200,
              "currency": "SAR"
            }
          },
          "captured_amount": {
            "amount": 0,
            "currency": "SAR"
          },
          "refunded_amount": {
            "amount": 0,
            "currency": "SAR"
          },
          "canceled_amount": {
            "amount": 0,
            "currency": "SAR"
          },
          "paid_amount": {
            "amount": 0,
            "currency": "SAR"
          },
          "settlement_status": "",
          "settlement_date": null,
          "created_at": "2023-07-10T08:05:59.000Z",
          "wallet_prepaid_amount": {
            "amount": 0,
            "currency": "SAR"
          },
          "transactions": {
            "cancels": [],
            "captures": [],
            "refunds": []
          },
          "processing": false,
          "store_code": "",
          "additional_data": {
            "single_checkout": false,
            "from_in_store_payment_link": false
          }
        }
        """;

    /// <summary>Step 3, second sample response: status fully_captured</summary>
    public const string OrderFullyCaptured = """
        {
          "order_id": "0ac038ef-de4a-491c-828e-b02ec0d4582d",
          "order_reference_id": "1231234123",
          "order_number": "1231234123",
          "description": "lorem ipsum dolor lorem ipsum dolor lorem ipsum dolor",
          "consumer": {
            "first_name": "Mona",
            "last_name": "Lisa",
            "email": "customer@email.com",
            "phone_number": "966532298658",
            "national_id": "",
            "date_of_birth": "2023-06-22T00:00:00.000Z",
            "is_first_order": null
          },
          "status": "fully_captured",
          "shipping_address": {
            "first_name": "Mona",
            "last_name": "Lisa",
            "line1": "3764 Al Urubah Rd",
            "line2": "string",
            "region": "As Sulimaniyah",
            "postal_code": "",
            "city": "Riyadh",
            "country_code": "SA",
            "phone_number": "966532298658"
          },
          "billing_address": {
            "first_name": "Mona",
            "last_name": "Lisa",
            "line1": "3764 Al Urubah Rd",
            "line2": "string",
            "region": "As Sulimaniyah",
            "postal_code": "",
            "city": "Riyadh",
            "country_code": "SA",
            "phone_number": "966532298658"
          },
          "items": [
            {
              "reference_id": "123",
              "type": "Digital",
              "name": "Lego City 8601",
              "sku": "SA-12436",
              "quantity": 1,
              "tax_amount": {
                "amount": 10,
                "currency": "SAR"
              },
              "total_amount": {
                "amount": 100,
                "currency": "SAR"
              },
              "unit_price": {
                "amount": 490,
                "currency": "SAR"
              },
              "discount_amount": {
                "amount": 100,
                "currency": "SAR"
              },
              "image_url": "",
              "item_url": ""
            }
          ],
          "payment_type": "PAY_BY_INSTALMENTS",
          "instalments": 3,
          "total_amount": {
            "amount": 300,
            "currency": "SAR"
          },
          "shipping_amount": {
            "amount": 0,
            "currency": "SAR"
          },
          "tax_amount": {
            "amount": 0,
            "currency": "SAR"
          },
          "discount_amount": {
            "name": "Christmas 2020",
            "amount": {
              "amount": 200,
              "currency": "SAR"
            }
          },
          "captured_amount": {
            "amount": 300,
            "currency": "SAR"
          },
          "refunded_amount": {
            "amount": 0,
            "currency": "SAR"
          },
          "canceled_amount": {
            "amount": 0,
            "currency": "SAR"
          },
          "paid_amount": {
            "amount": 100,
            "currency": "SAR"
          },
          "settlement_status": "",
          "settlement_date": null,
          "created_at": "2023-06-22T10:21:22.000Z",
          "wallet_prepaid_amount": {
            "amount": 0,
            "currency": "SAR"
          },
          "transactions": {
            "cancels": [],
            "captures": [
              {
                "capture_id": "d5a4be96-30de-4df1-a93f-43bb7b85a60a",
                "order_id": "4187f2ee-4b5e-40b7-8244-9cb7d5e54674",
                "merchant_id": "6d9f752e-0bbc-47eb-bcf7-be13adf6f04d",
                "total_amount": {
                  "amount": 300,
                  "currency": "SAR"
                },
                "refunded_amount": {
                  "amount": 0,
                  "currency": "SAR"
                },
                "shipping_info": {
                  "shipped_at": "2023-06-22T00:00:00.000Z",
                  "shipping_company": "N/A",
                  "tracking_number": null,
                  "tracking_url": null
                },
                "items": [],
                "shipping_amount": {
                  "amount": 0,
                  "currency": "SAR"
                },
                "tax_amount": {
                  "amount": 0,
                  "currency": "SAR"
                },
                "discount_amount": {
                  "amount": 200,
                  "currency": "SAR"
                },
                "created_at": "2023-07-10T08:08:52.000Z"
              }
            ],
            "refunds": []
          },
          "processing": false,
          "store_code": "",
          "additional_data": {
            "single_checkout": false,
            "from_in_store_payment_link": false
          }
        }
        """;

    /// <summary>Step 4, sample request of POST /payments/simplified-refund/{order_id}</summary>
    public const string RefundRequest = """
        {
          "total_amount": {
            "amount": 100,
            "currency": "SAR"
          },
          "comment": "Refund for the order 123"
        }
        """;

    /// <summary>Step 4, first sample response: fully_refunded</summary>
    public const string RefundFull = """
        {
          "order_id": "0ac038ef-de4a-491c-828e-b02ec0d4582d",
          "comment": "Refund for the order 123",
          "refund_id": "a04390d4-5690-45cd-9086-6980d8a86f72",
          "capture_id": "bd10fc2c-4db8-426e-a1fd-b16388d42c01",
          "status": "fully_refunded",
          "refunded_amount": {
            "amount": 300,
            "currency": "SAR"
          }
        }
        """;

    /// <summary>Step 4, second sample response: partially_refunded</summary>
    public const string RefundPartial = """
        {
          "order_id": "0ac038ef-de4a-491c-828e-b02ec0d4582d",
          "comment": "Refund for the order 123",
          "refund_id": "924001dc-0e25-463e-82f2-1848aca95542",
          "capture_id": "bd10fc2c-4db8-426e-a1fd-b16388d42c01",
          "status": "partially_refunded",
          "refunded_amount": {
            "amount": 100,
            "currency": "SAR"
          }
        }
        """;
}
